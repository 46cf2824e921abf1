package dev.agentlens.bench.harness;

import dev.agentlens.bench.report.Figure;
import dev.agentlens.bench.report.QueryResult;
import dev.agentlens.bench.report.RatePoint;
import dev.agentlens.bench.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Turns a run's measurements into the issue 5 table: each figure with its seed target and goal. */
final class Figures {
  private static final int GOAL_RATE = 25_000;

  private Figures() {}

  static Report report(RunSettings s, Instant startedAt, BenchRun.Measurements m) {
    List<Figure> f = new ArrayList<>();
    double events = m.segments.stream().mapToLong(ClosedLoop.Segment::events).sum();
    double commitSeconds = m.segments.stream().mapToDouble(ClosedLoop.Segment::commitSeconds).sum();
    double ackSeconds = m.segments.stream().mapToDouble(ClosedLoop.Segment::ackSeconds).sum();
    double committedRate = events / commitSeconds;
    f.add(
        new Figure(
            "committed events/s, SQLite, sustained closed loop",
            "events/s",
            committedRate,
            true,
            1_000.0,
            "≥ 1,000",
            50_000.0,
            "≥ 50,000",
            String.format(
                Locale.ROOT,
                "%,.0f events, acknowledged at %,.0f events/s",
                events,
                events / ackSeconds)));
    RatePoint p = goalPoint(m.sweep);
    String at =
        p == null ? "" : String.format(Locale.ROOT, " at %,d events/s", p.offeredEventsPerSecond());
    f.add(
        new Figure(
            "ack latency P95, batch of " + s.batch() + at,
            "ms",
            p == null ? Double.NaN : p.p95Ms(),
            false,
            5.0,
            "< 5 ms (read per request: stricter than per event)",
            2.0,
            "< 2 ms",
            "open loop, corrected for coordinated omission"));
    f.add(
        new Figure(
            "ack latency P99, batch of " + s.batch() + at,
            "ms",
            p == null ? Double.NaN : p.p99Ms(),
            false,
            null,
            "—",
            5.0,
            "< 5 ms",
            ""));
    double lagP95 =
        m.lag == null ? Double.NaN : QueryProbe.ms(m.lag.lag().getValueAtPercentile(95));
    f.add(
        new Figure(
            String.format(Locale.ROOT, "ack → queryable P95 at %,d events/s", s.lagRate()),
            "ms",
            lagP95,
            false,
            null,
            "—",
            50.0,
            "< 50 ms",
            m.lag == null ? "" : lagNote(m.lag.lag(), m.lag.lagTimeouts())));
    long last = m.queries.stream().mapToLong(QueryResult::storedEvents).max().orElse(0);
    long first = m.queries.stream().mapToLong(QueryResult::storedEvents).min().orElse(0);
    if (first != last) {
      f.add(query(m, first, QuerySet.FILTERED, 100.0, "< 100 ms @ 1M", null, "—"));
    }
    f.add(query(m, last, QuerySet.FILTERED, 100.0, "< 100 ms @ 1M", 10.0, "< 10 ms @ 10M"));
    f.add(query(m, last, QuerySet.TIMELINE, 1_000.0, "< 1 s", 20.0, "< 20 ms"));
    f.add(query(m, last, QuerySet.ANALYTICS, null, "—", 50.0, "< 50 ms @ 10M"));
    f.add(query(m, last, QuerySet.SESSIONS, null, "—", null, "—"));
    f.add(query(m, last, QuerySet.STATS, null, "—", null, "—"));
    f.add(
        new Figure(
            "server peak RSS during sustained ingest",
            "MiB",
            m.sustainedPeakRssMiB < 0 ? Double.NaN : m.sustainedPeakRssMiB,
            false,
            null,
            "—",
            512.0,
            "< 512 MiB at 50k events/s",
            String.format(Locale.ROOT, "while committing %,.0f events/s", committedRate)));
    f.add(
        new Figure(
            "server peak anonymous RSS during sustained ingest",
            "MiB",
            m.sustainedPeakAnonMiB < 0 ? Double.NaN : m.sustainedPeakAnonMiB,
            false,
            null,
            "—",
            null,
            "—",
            "heap and native memory; RSS minus this is mapped journal and database pages"));
    f.add(
        new Figure(
            "server CPU during sustained ingest",
            "cores",
            m.sustainedCpuCores.stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElse(Double.NaN),
            false,
            null,
            "—",
            null,
            "—",
            "of " + Runtime.getRuntime().availableProcessors() + " shared with the harness"));
    f.add(
        new Figure(
            "acknowledged events missing from the database",
            "events",
            m.missing(),
            false,
            1.0,
            "0",
            1.0,
            "0",
            String.format(
                Locale.ROOT,
                "%,d acknowledged, %,d stored",
                m.acked,
                m.storedAtEnd - m.storedAtStart)));
    List<String> notes = new ArrayList<>();
    notes.add(
        "The harness (load generator, body rendering, probes) and the server share the same "
            + Runtime.getRuntime().availableProcessors()
            + " cores: every figure includes that contention.");
    if (s.quick()) {
      notes.add(
          "Quick mode: a reduced run (CI keeps the harness working); sizes and rates are not the goals'.");
    }
    notes.add(
        "Requests answered with an error: "
            + m.errors
            + "; 503 backpressure retries: "
            + m.segments.stream().mapToLong(ClosedLoop.Segment::backpressured).sum()
            + ".");
    return new Report(
        "AgentLens Engine benchmark",
        startedAt,
        s.quick() ? "quick" : "full",
        machine(),
        s.describe(),
        f,
        m.sweep,
        m.queries,
        notes);
  }

  private static RatePoint goalPoint(List<RatePoint> sweep) {
    return sweep.stream()
        .filter(p -> p.offeredEventsPerSecond() == GOAL_RATE)
        .findFirst()
        .orElse(
            sweep.stream()
                .max(Comparator.comparingInt(RatePoint::offeredEventsPerSecond))
                .orElse(null));
  }

  private static Figure query(
      BenchRun.Measurements m,
      long stored,
      String name,
      Double seed,
      String seedText,
      Double goal,
      String goalText) {
    QueryResult q =
        m.queries.stream()
            .filter(r -> r.storedEvents() == stored && r.name().equals(name))
            .findFirst()
            .orElse(null);
    return new Figure(
        String.format(Locale.ROOT, "%s P95 @ %,d events", name, stored),
        "ms",
        q == null ? Double.NaN : q.p95Ms(),
        false,
        seed,
        seedText,
        goal,
        goalText,
        q == null
            ? ""
            : String.format(
                Locale.ROOT,
                "P50 %.2f, P99 %.2f ms over %d calls",
                q.p50Ms(),
                q.p99Ms(),
                q.calls()));
  }

  static Map<String, String> machine() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    m.put("cpu", firstLine("/proc/cpuinfo", "model name"));
    m.put("memory", firstLine("/proc/meminfo", "MemTotal"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    return m;
  }

  private static String firstLine(String file, String key) {
    try {
      return Files.readAllLines(Path.of(file)).stream()
          .filter(l -> l.startsWith(key))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String lagNote(Histogram lag, long timeouts) {
    return String.format(
        Locale.ROOT,
        "P50 %.2f, P99 %.2f, max %.2f ms; %d probes, %d timed out",
        QueryProbe.ms(lag.getValueAtPercentile(50)),
        QueryProbe.ms(lag.getValueAtPercentile(99)),
        QueryProbe.ms(lag.getMaxValue()),
        lag.getTotalCount(),
        timeouts);
  }
}
