package dev.agentlens.bench.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report as GitHub-flavoured Markdown, for humans reading it in a PR or the repo. */
final class MarkdownReport {
  private static final DateTimeFormatter STARTED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private MarkdownReport() {}

  /** {@code chartFile} is the SVG's name relative to the Markdown file. */
  static String render(Report r, String chartFile) {
    StringBuilder out = new StringBuilder(4096);
    out.append("# ").append(inline(r.title())).append("\n\n");
    String started = r.startedAt() == null ? "unknown" : STARTED.format(r.startedAt());
    out.append("Started ").append(started).append(" · mode **").append(inline(r.mode()));
    out.append("**\n");

    heading(out, "Machine");
    keyValues(out, "property", r.machine());

    heading(out, "Headline figures");
    if (r.figures().isEmpty()) {
      out.append("_No figures._\n");
    } else {
      row(out, "figure", "measured", "seed target", "seed", "goal", "goal verdict", "note");
      out.append("|---|--:|---|:-:|---|:-:|---|\n");
      for (Figure f : r.figures()) {
        row(
            out,
            f.name(),
            Fmt.measured(f.measured(), f.unit()),
            f.seedTarget() == null ? "—" : f.seedTarget(),
            verdict(f.seedVerdict()),
            f.goal() == null ? "—" : f.goal(),
            verdict(f.goalVerdict()),
            f.note());
      }
    }

    heading(out, "Ack latency against offered rate");
    sweep(out, r.sweep());
    out.append("\n![Ack latency P50/P95/P99 against offered rate](")
        .append(chartFile.replace(" ", "%20"))
        .append(")\n");

    heading(out, "Queries");
    queries(out, r.queries());

    heading(out, "Settings");
    keyValues(out, "setting", r.settings());

    heading(out, "Notes");
    if (r.notes().isEmpty()) {
      out.append("_None._\n");
    }
    r.notes().forEach(n -> out.append("- ").append(inline(n)).append('\n'));
    return out.toString();
  }

  private static void sweep(StringBuilder out, List<RatePoint> sweep) {
    if (sweep.isEmpty()) {
      out.append("_No sweep data._\n");
      return;
    }
    row(
        out,
        "offered events/s",
        "achieved events/s",
        "requests",
        "errors",
        "P50 ms",
        "P95 ms",
        "P99 ms",
        "max ms",
        "server CPU cores",
        "server peak RSS MiB");
    out.append("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (RatePoint p : sweep) {
      row(
          out,
          Fmt.integer(p.offeredEventsPerSecond()),
          Fmt.eventsPerSecond(p.achievedEventsPerSecond()),
          Fmt.integer(p.requests()),
          Fmt.integer(p.errors()),
          Fmt.ms(p.p50Ms()),
          Fmt.ms(p.p95Ms()),
          Fmt.ms(p.p99Ms()),
          Fmt.ms(p.maxMs()),
          Fmt.cores(p.serverCpuCores()),
          Fmt.integer(p.serverPeakRssMiB()));
    }
  }

  private static void queries(StringBuilder out, List<QueryResult> queries) {
    if (queries.isEmpty()) {
      out.append("_No query measurements._\n");
      return;
    }
    row(out, "stored events", "query", "calls", "P50 ms", "P95 ms", "P99 ms", "max ms");
    out.append("|--:|---|--:|--:|--:|--:|--:|\n");
    Comparator<QueryResult> order =
        Comparator.comparingLong(QueryResult::storedEvents).thenComparing(q -> Fmt.text(q.name()));
    queries.stream()
        .sorted(order)
        .forEach(
            q ->
                row(
                    out,
                    Fmt.integer(q.storedEvents()),
                    q.name(),
                    Fmt.integer(q.calls()),
                    Fmt.ms(q.p50Ms()),
                    Fmt.ms(q.p95Ms()),
                    Fmt.ms(q.p99Ms()),
                    Fmt.ms(q.maxMs())));
  }

  private static void keyValues(StringBuilder out, String keyHeader, Map<String, String> m) {
    if (m.isEmpty()) {
      out.append("_Not recorded._\n");
      return;
    }
    row(out, keyHeader, "value");
    out.append("|---|---|\n");
    m.forEach((k, v) -> row(out, k, v));
  }

  private static void heading(StringBuilder out, String title) {
    out.append("\n## ").append(title).append("\n\n");
  }

  private static void row(StringBuilder out, String... cells) {
    out.append('|');
    for (String c : cells) {
      out.append(' ').append(cell(c)).append(" |");
    }
    out.append('\n');
  }

  private static String verdict(Verdict v) {
    return v == Verdict.NA ? "n/a" : "**" + v.name() + "**";
  }

  /** A pipe would end the cell early. */
  private static String cell(String s) {
    return inline(s).replace("|", "\\|");
  }

  /**
   * A line break would end a table row or list item early, and {@code <tag} would be taken as HTML
   * and vanish; "< 5 ms" is left as is.
   */
  private static String inline(String s) {
    return Fmt.text(s)
        .replaceAll("\\s*\\R\\s*", " ")
        .trim()
        .replaceAll("<(?=[A-Za-z/!?])", "\\\\<");
  }
}
