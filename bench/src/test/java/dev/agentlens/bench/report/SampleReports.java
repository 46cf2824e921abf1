package dev.agentlens.bench.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Report fixtures shared by the renderer tests. */
final class SampleReports {
  static final Instant STARTED = Instant.parse("2025-03-04T05:06:07Z");

  private SampleReports() {}

  static Figure ackP95(double measured) {
    return new Figure(
        "ack latency P95 at 25k ev/s, batch of 100",
        "ms",
        measured,
        false,
        5.0,
        "< 5 ms per event",
        2.0,
        "< 2 ms",
        "");
  }

  static Figure throughput(double measured) {
    return new Figure(
        "sustained ingest", "events/s", measured, true, null, "—", 25_000.0, ">= 25k", "open loop");
  }

  static RatePoint point(int offered, double p50, double p95, double p99) {
    return new RatePoint(
        offered, offered * 0.999, offered * 10L, 0, p50, p95, p99, p99 * 2, 0.8, 412);
  }

  static List<RatePoint> threePoints() {
    return List.of(
        point(5_000, 0.4, 0.9, 1.6), point(25_000, 0.6, 1.4, 2.8), point(50_000, 1.1, 3.2, 6.5));
  }

  static Report sample() {
    Map<String, String> machine = new LinkedHashMap<>();
    machine.put("os", "Linux 6.1");
    machine.put("cores", "2");
    machine.put("java", "17.0.15");
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("store", "sqlite");
    settings.put("batch", "100");
    return new Report(
        "AgentLens ingest bench",
        STARTED,
        "quick",
        machine,
        settings,
        List.of(
            ackP95(1.234),
            throughput(31_234.6),
            new Figure("peak RSS", "MiB", Double.NaN, false, 512.0, "< 512 MiB", null, "—", "")),
        threePoints(),
        List.of(
            new QueryResult("trace by id", 1_000_000, 50, 0.5, 0.9, 1.2, 3.0),
            new QueryResult("cost rollup", 100_000, 20, 4.0, 7.5, 9.0, 11.0),
            new QueryResult("alerts", 1_000_000, 20, 2.0, 3.0, 4.0, 5.0)),
        List.of("quick mode: shorter steps", "second note"));
  }
}
