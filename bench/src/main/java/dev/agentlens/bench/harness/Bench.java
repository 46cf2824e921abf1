package dev.agentlens.bench.harness;

import dev.agentlens.bench.report.Report;
import dev.agentlens.bench.report.ReportWriter;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bench jar's entry point: {@code run} (all scenarios and the report), {@code ingest} (one
 * open-loop rate), {@code jmh} (the JMH benchmarks). See bench/README.md.
 */
public final class Bench {
  private static final String USAGE =
      """
      usage: java -jar bench/target/agentlens-bench.jar <command> [options]
        run     [--quick] [--events 10M] [--rates 5k,10k,…] [--step-seconds 20] [--lag-rate 10k]
                [--batch 100] [--concurrency 8] [--query-calls 200] [--sync batch|none]
                [--server-jar api/target/agentlens-engine.jar] [--server-jvm "-Xmx512m …"]
                [--url http://host:3400 --key als_…] [--out bench/results] [--keep-data]
        ingest  [--rate 25k] [--seconds 30] [--batch 100] [--sync batch|none] [--server-jar …]
                [--server-jvm …] [--url … --key …]
        jmh     [JMH options, e.g. SqliteWriteBenchmark -f 1 -i 5]
      """;

  private Bench() {}

  public static void main(String[] argv) throws Exception {
    if (argv.length == 0) {
      System.err.print(USAGE);
      System.exit(2);
    }
    List<String> rest = Arrays.asList(argv).subList(1, argv.length);
    // Chronicle (pulled in by the engine classes) must not phone home from the harness either.
    System.setProperty("chronicle.analytics.disable", "true");
    System.setProperty("chronicle.announcer.disable", "true");
    int code;
    try {
      code =
          switch (argv[0]) {
            case "run" -> run(rest);
            case "ingest" -> ingest(rest);
            case "jmh" -> {
              org.openjdk.jmh.Main.main(rest.toArray(String[]::new));
              yield 0;
            }
            default -> {
              System.err.print(USAGE);
              yield 2;
            }
          };
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      code = 2;
    }
    System.exit(code);
  }

  private static int run(List<String> args) throws Exception {
    RunSettings s = RunSettings.from(new Args(args, RunSettings.FLAGS, RunSettings.OPTIONS));
    // A quick run takes about 2 minutes and the full one under an hour on 2 vCPUs.
    Watchdog.start(s.quick() ? Duration.ofMinutes(10) : Duration.ofHours(3));
    BenchRun run = new BenchRun(s);
    Report report = run.execute();
    List<Path> files =
        ReportWriter.write(report, BenchRun.outDir(s), "report-" + (s.quick() ? "quick" : "full"));
    files.forEach(f -> System.out.println("wrote " + f));
    if (!run.healthy()) {
      System.err.println(
          "the run saw failed requests or acknowledged events missing: see the report");
      return 1;
    }
    return 0;
  }

  private static int ingest(List<String> args) throws Exception {
    List<String> options = new ArrayList<>(RunSettings.OPTIONS);
    options.addAll(List.of("--rate", "--seconds"));
    Args a = new Args(args, RunSettings.FLAGS, options);
    RunSettings s = RunSettings.from(a);
    int rate = a.integer("--rate", 25_000);
    double seconds = Double.parseDouble(a.get("--seconds", "30"));
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    try (Target target = Target.open(s);
        LoadClient client = new LoadClient(vertx, target.url(), target.key(), 64);
        ProcessStats stats = target.stats()) {
      var ring = Bodies.openLoopRing(s.batch());
      ProcessStats.Window w = stats.open();
      OpenLoop.Result r = OpenLoop.run(client, ring, rate, s.batch(), 5, seconds, false);
      OpenLoop.print(r.point(w));
      return r.errors() == 0 ? 0 : 1;
    } finally {
      vertx.close().await();
    }
  }
}
