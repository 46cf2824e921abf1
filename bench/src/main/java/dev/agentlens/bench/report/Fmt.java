package dev.agentlens.bench.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number and text formatting shared by the renderers; Locale.ROOT so output never varies. */
final class Fmt {
  /** Shown in narrow table cells for a value that was not measured. */
  static final String MISSING = "—";

  private Fmt() {}

  /** A figure's measured value with its unit, formatted by what the unit is. */
  static String measured(double v, String unit) {
    if (!Double.isFinite(v)) {
      return "not measured";
    }
    String u = text(unit).trim();
    String number =
        switch (u.toLowerCase(Locale.ROOT)) {
          case "events/s", "ev/s", "req/s", "requests/s" -> eventsPerSecond(v);
          case "ms" -> ms(v);
          case "mib", "mb", "bytes", "events" -> integer(v);
          case "cores" -> cores(v);
          default -> isWhole(v) ? integer(v) : String.format(Locale.ROOT, "%,.2f", v);
        };
    return u.isEmpty() ? number : number + " " + u;
  }

  static String eventsPerSecond(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.0f", v) : MISSING;
  }

  static String ms(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.2f", v) : MISSING;
  }

  static String cores(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : MISSING;
  }

  static String integer(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%,d", Math.round(v)) : MISSING;
  }

  static String integer(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  /** SVG coordinate: one decimal is finer than a pixel and keeps the file small. */
  static String coord(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** Axis tick label: shortest exact decimal, so 0.30000000000000004 prints as 0.3. */
  static String tick(double v) {
    return BigDecimal.valueOf(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }

  /** Offered-rate tick label, compact because many ticks share one axis: 2500 -> 2.5k. */
  static String rateTick(double v) {
    if (Math.abs(v) >= 1_000_000) {
      return tick(v / 1_000_000) + "M";
    }
    return Math.abs(v) >= 1_000 ? tick(v / 1_000) + "k" : tick(v);
  }

  static String text(String s) {
    return s == null ? "" : s;
  }

  private static boolean isWhole(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15;
  }
}
