package dev.agentlens.bench.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Hand-written SVG line chart of ack latency (P50/P95/P99) against offered rate. */
final class LatencyChart {
  /** Our P95 ack latency goal; drawn as a reference line when it falls inside the y range. */
  static final double GOAL_P95_MS = 2.0;

  /** Above this max/min latency ratio a linear axis squashes the low percentiles flat. */
  static final double LOG_SCALE_RATIO = 50;

  private static final int WIDTH = 720;
  private static final int HEIGHT = 420;
  private static final int LEFT = 68;
  private static final int RIGHT = WIDTH - 24;
  private static final int TOP = 58;
  private static final int BOTTOM = HEIGHT - 60;
  private static final String AXIS = "#333333";
  private static final String GRID = "#e6e6e6";
  private static final String MUTED = "#555555";
  // A white halo keeps a label legible where a series line crosses it.
  private static final String HALO =
      " paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"3\"";

  private record Series(String label, String color, ToDoubleFunction<RatePoint> value) {}

  private static final List<Series> SERIES =
      List.of(
          new Series("P50", "#4c78a8", RatePoint::p50Ms),
          new Series("P95", "#f58518", RatePoint::p95Ms),
          new Series("P99", "#e45756", RatePoint::p99Ms));

  private LatencyChart() {}

  /** The chart as a standalone SVG document; {@code subtitle} is free text, escaped here. */
  static String svg(List<RatePoint> sweep, String subtitle) {
    List<RatePoint> points =
        sweep.stream().sorted(Comparator.comparingInt(RatePoint::offeredEventsPerSecond)).toList();
    double max = Double.NEGATIVE_INFINITY;
    double minPositive = Double.POSITIVE_INFINITY;
    for (RatePoint p : points) {
      for (Series s : SERIES) {
        double v = s.value().applyAsDouble(p);
        if (Double.isFinite(v)) {
          max = Math.max(max, v);
          minPositive = v > 0 ? Math.min(minPositive, v) : minPositive;
        }
      }
    }
    StringBuilder out = new StringBuilder(8192);
    header(out, subtitle);
    if (max == Double.NEGATIVE_INFINITY) {
      out.append(text((LEFT + RIGHT) / 2.0, (TOP + BOTTOM) / 2.0, "middle", 16, MUTED))
          .append("no sweep data</text>\n");
    } else {
      boolean log = minPositive < Double.POSITIVE_INFINITY && max / minPositive > LOG_SCALE_RATIO;
      ChartAxis y = log ? ChartAxis.log(minPositive, max) : ChartAxis.linear(max, 5);
      double maxOffered = points.get(points.size() - 1).offeredEventsPerSecond();
      ChartAxis x = ChartAxis.linear(maxOffered, 6);
      axes(out, x, y);
      if (y.contains(GOAL_P95_MS)) {
        goalLine(out, y);
      }
      for (Series s : SERIES) {
        series(out, s, points, x, y);
      }
      legend(out);
    }
    return out.append("</svg>\n").toString();
  }

  private static void header(StringBuilder out, String subtitle) {
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH + "\" height=\"")
        .append(HEIGHT + "\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\"")
        .append(" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n")
        .append("<title>Ack latency against offered rate</title>\n")
        // Opaque background: the chart stays readable in dark-themed viewers.
        .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n")
        .append(text(LEFT, 24, "start", 15, AXIS))
        .append("Ack latency against offered rate</text>\n");
    String sub = Fmt.text(subtitle);
    if (!sub.isBlank()) {
      String shown = sub;
      if (sub.length() > 90) {
        // Never split a surrogate pair: a lone surrogate cannot be written as UTF-8.
        int cut = Character.isHighSurrogate(sub.charAt(88)) ? 88 : 89;
        shown = sub.substring(0, cut) + "…";
      }
      out.append(text(LEFT, 42, "start", 11, MUTED)).append(escape(shown)).append("</text>\n");
    }
  }

  private static void axes(StringBuilder out, ChartAxis x, ChartAxis y) {
    out.append("<g class=\"y-axis\">\n");
    for (double t : y.ticks()) {
      String py = Fmt.coord(py(y, t));
      out.append(line(LEFT, py, RIGHT, py, GRID));
      out.append(text(LEFT - 8, py(y, t) + 4, "end", 11, AXIS))
          .append(escape(Fmt.tick(t)))
          .append("</text>\n");
    }
    out.append("</g>\n<g class=\"x-axis\">\n");
    for (double t : x.ticks()) {
      String px = Fmt.coord(px(x, t));
      out.append(line(px, Fmt.coord(TOP), px, Fmt.coord(BOTTOM), GRID));
      out.append(line(px, Fmt.coord(BOTTOM), px, Fmt.coord(BOTTOM + 5), AXIS));
      out.append(text(px(x, t), BOTTOM + 19, "middle", 11, AXIS))
          .append(escape(Fmt.rateTick(t)))
          .append("</text>\n");
    }
    out.append("</g>\n")
        .append(line(LEFT, Fmt.coord(BOTTOM), RIGHT, Fmt.coord(BOTTOM), AXIS))
        .append(line(LEFT, Fmt.coord(TOP), LEFT, Fmt.coord(BOTTOM), AXIS))
        .append(text((LEFT + RIGHT) / 2.0, HEIGHT - 16, "middle", 12, AXIS))
        .append("offered load (events/s)</text>\n")
        .append("<text transform=\"translate(18 " + Fmt.coord((TOP + BOTTOM) / 2.0) + ") ")
        .append("rotate(-90)\" text-anchor=\"middle\" fill=\"" + AXIS + "\">")
        .append(y.log() ? "ack latency (ms, log scale)" : "ack latency (ms)")
        .append("</text>\n");
  }

  private static void goalLine(StringBuilder out, ChartAxis y) {
    double py = py(y, GOAL_P95_MS);
    out.append("<g class=\"goal\">\n")
        .append("<line x1=\"" + LEFT + "\" y1=\"" + Fmt.coord(py) + "\" x2=\"" + RIGHT)
        .append("\" y2=\"" + Fmt.coord(py) + "\" stroke=\"" + MUTED + "\" stroke-width=\"1.5\"")
        .append(" stroke-dasharray=\"6 4\"/>\n")
        .append(text(RIGHT - 4, py - 5, "end", 11, MUTED, HALO))
        .append(escape("goal P95 < " + Fmt.tick(GOAL_P95_MS) + " ms"))
        .append("</text>\n</g>\n");
  }

  private static void series(
      StringBuilder out, Series s, List<RatePoint> points, ChartAxis x, ChartAxis y) {
    StringBuilder coords = new StringBuilder();
    StringBuilder markers = new StringBuilder();
    for (RatePoint p : points) {
      double v = s.value().applyAsDouble(p);
      if (!Double.isFinite(v)) {
        continue; // a missing percentile leaves no point rather than a false zero
      }
      String cx = Fmt.coord(px(x, p.offeredEventsPerSecond()));
      String cy = Fmt.coord(py(y, v));
      coords.append(coords.length() == 0 ? "" : " ").append(cx).append(',').append(cy);
      markers
          .append("<circle cx=\"" + cx + "\" cy=\"" + cy + "\" r=\"3.5\" fill=\"" + s.color())
          .append("\" stroke=\"#ffffff\" stroke-width=\"1\"><title>")
          .append(escape(s.label() + " at " + Fmt.eventsPerSecond(p.offeredEventsPerSecond())))
          .append(escape(" events/s: " + Fmt.ms(v) + " ms"))
          .append("</title></circle>\n");
    }
    String cls = s.label().toLowerCase(Locale.ROOT);
    out.append("<g class=\"series " + cls + "\">\n")
        .append("<polyline fill=\"none\" stroke=\"" + s.color() + "\" stroke-width=\"2\"")
        .append(" stroke-linejoin=\"round\" stroke-linecap=\"round\" points=\"")
        .append(coords)
        .append("\"/>\n")
        .append(markers)
        .append("</g>\n");
  }

  private static void legend(StringBuilder out) {
    out.append("<g class=\"legend\">\n");
    double x = RIGHT - SERIES.size() * 64 + 4;
    for (Series s : SERIES) {
      out.append(line(Fmt.coord(x), "20", Fmt.coord(x + 22), "20", s.color()))
          .append("<circle cx=\"" + Fmt.coord(x + 11) + "\" cy=\"20\" r=\"3.5\" fill=\"")
          .append(s.color() + "\"/>\n")
          .append(text(x + 28, 24, "start", 12, AXIS))
          .append(escape(s.label()))
          .append("</text>\n");
      x += 64;
    }
    out.append("</g>\n");
  }

  private static double px(ChartAxis x, double v) {
    return LEFT + x.fraction(v) * (RIGHT - LEFT);
  }

  private static double py(ChartAxis y, double v) {
    return BOTTOM - y.fraction(v) * (BOTTOM - TOP);
  }

  private static String line(Object x1, Object y1, Object x2, Object y2, String color) {
    return "<line x1=\""
        + x1
        + "\" y1=\""
        + y1
        + "\" x2=\""
        + x2
        + "\" y2=\""
        + y2
        + "\" stroke=\""
        + color
        + "\" stroke-width=\"1\"/>\n";
  }

  /** Opening tag of a text element; the caller appends the escaped content and closes it. */
  private static String text(double x, double y, String anchor, int size, String color) {
    return text(x, y, anchor, size, color, "");
  }

  private static String text(
      double x, double y, String anchor, int size, String color, String extraAttributes) {
    return "<text x=\""
        + Fmt.coord(x)
        + "\" y=\""
        + Fmt.coord(y)
        + "\" text-anchor=\""
        + anchor
        + "\" font-size=\""
        + size
        + "\" fill=\""
        + color
        + "\""
        + extraAttributes
        + ">";
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> b.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c);
      }
    }
    return b.toString();
  }
}
