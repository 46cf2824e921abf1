package dev.agentlens.bench.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one {@code run} measures and against which server. */
record RunSettings(
    boolean quick,
    long events,
    int batch,
    List<Integer> rates,
    double stepSeconds,
    int lagRate,
    int concurrency,
    int queryCalls,
    String sync,
    Path serverJar,
    List<String> serverJvm,
    String url,
    String key,
    Path out,
    boolean keepData) {

  static final List<String> OPTIONS =
      List.of(
          "--events",
          "--batch",
          "--rates",
          "--step-seconds",
          "--lag-rate",
          "--concurrency",
          "--query-calls",
          "--sync",
          "--server-jar",
          "--server-jvm",
          "--url",
          "--key",
          "--out");
  static final List<String> FLAGS = List.of("--quick", "--keep-data");

  static RunSettings from(Args a) {
    boolean quick = a.flag("--quick");
    String rates = a.get("--rates", quick ? "2k,5k,10k" : "5k,10k,15k,20k,25k,30k");
    String jvm = a.get("--server-jvm", shippedJvmOptions());
    return new RunSettings(
        quick,
        a.integer("--events", quick ? 400_000 : 10_000_000),
        a.integer("--batch", 100),
        Arrays.stream(rates.split(",")).map(Args::parseCount).toList(),
        Double.parseDouble(a.get("--step-seconds", quick ? "5" : "20")),
        a.integer("--lag-rate", quick ? 5_000 : 10_000),
        a.integer("--concurrency", 8),
        a.integer("--query-calls", quick ? 50 : 200),
        a.get("--sync", "batch"),
        Path.of(a.get("--server-jar", "api/target/agentlens-engine.jar")),
        jvm.isBlank() ? List.of() : Arrays.asList(jvm.trim().split("\\s+")),
        a.get("--url", null),
        a.get("--key", null),
        Path.of(a.get("--out", "bench/results")),
        a.flag("--keep-data"));
  }

  /**
   * The server runs as the README runs it: with the argument file {@code config/jvm.options} (heap
   * cap and the like) when the harness starts from the repository root.
   */
  private static String shippedJvmOptions() {
    Path options = Path.of("config", "jvm.options");
    return Files.isRegularFile(options) ? "@" + options.toAbsolutePath() : "";
  }

  Map<String, String> describe() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("mode", quick ? "quick" : "full");
    m.put(
        "events stored in the sustained run", String.format(java.util.Locale.ROOT, "%,d", events));
    m.put("events per request", Integer.toString(batch));
    m.put("open-loop rates (events/s)", rates.toString());
    m.put("seconds per rate", Double.toString(stepSeconds));
    m.put("ack→queryable probe rate (events/s)", Integer.toString(lagRate));
    m.put("closed-loop requests in flight", Integer.toString(concurrency));
    m.put("calls per query kind", Integer.toString(queryCalls));
    m.put("journal.sync", sync);
    m.put(
        "server", url != null ? url : "java " + String.join(" ", serverJvm) + " -jar " + serverJar);
    m.put(
        "dataset",
        Dataset.SESSIONS
            + " sessions, "
            + Dataset.AGENTS
            + " agents, all 21 event types, 300–800-byte payloads, spread over "
            + Dataset.SPAN.toDays()
            + " days, + one 1,000-event session");
    return m;
  }
}
