package dev.agentlens.bench.harness;

import dev.agentlens.bench.report.QueryResult;
import dev.agentlens.bench.report.RatePoint;
import dev.agentlens.bench.report.Report;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scenarios (a)–(e) of issue 5 against one server: warm-up, sustained ingest to 1M and the queries
 * there, the open-loop rate sweep (ack latency against offered rate), the ack → queryable probe,
 * sustained ingest on to the target size and the queries again, the server's CPU and RSS
 * throughout.
 */
final class BenchRun {
  private static final long QUERIES_AT = 1_000_000;

  private final RunSettings s;
  private final Measurements m = new Measurements();
  private Target target;
  private Vertx vertx;
  private SyncClient sync;

  BenchRun(RunSettings settings) {
    this.s = settings;
  }

  Report execute() throws Exception {
    Instant startedAt = Instant.now();
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    try (Target target = Target.open(s);
        LoadClient client = new LoadClient(vertx, target.url(), target.key(), 64);
        ProcessStats stats = target.stats()) {
      this.target = target;
      this.sync = new SyncClient(target.url(), target.key());
      this.vertx = vertx;
      m.storedAtStart = storedEvents();
      Dataset ds = new Dataset(s.events(), Instant.now());
      for (Buffer b : ds.timelineBodies()) {
        expect202(client.post("/api/events", b).await());
        m.acked += s.batch();
      }
      List<Buffer> ring = Bodies.openLoopRing(s.batch());
      say("warm-up");
      m.acked +=
          OpenLoop.run(client, ring, s.rates().get(0), s.batch(), 0, s.quick() ? 4 : 15, false)
              .ackedEvents();
      Drained.await(client);
      try (ClosedLoop loop = new ClosedLoop(ds.mix, s.concurrency(), s.batch())) {
        // The 1M query point comes first, before the sweep's own events carry the store past it.
        if (s.events() > QUERIES_AT) {
          fillTo(loop, QUERIES_AT, stats);
          m.queries.addAll(queries(ds));
        }
        sweep(ring, stats);
        say("ack → queryable lag at " + s.lagRate() + " events/s");
        try (LoadClient c = fresh()) {
          m.lag = OpenLoop.run(c, ring, s.lagRate(), s.batch(), 1, s.stepSeconds(), true);
          m.acked += m.lag.ackedEvents();
          Drained.await(c);
        }
        fillTo(loop, s.events(), stats);
      }
      m.queries.addAll(queries(ds));
      m.serverPeakRssMiB = stats.open().peakRssMiB();
    } finally {
      vertx.close().await();
    }
    return Figures.report(s, startedAt, m);
  }

  /**
   * A client with a pool of its own for one phase: one phase's connections never carry over into
   * the next (a pool once wedged after a closed-loop segment, hanging the run).
   */
  private LoadClient fresh() {
    return new LoadClient(vertx, target.url(), target.key(), 64);
  }

  private void sweep(List<Buffer> ring, ProcessStats stats) throws Exception {
    for (int rate : s.rates()) {
      ProcessStats.Window w = stats.open();
      OpenLoop.Result r;
      try (LoadClient client = fresh()) {
        r = OpenLoop.run(client, ring, rate, s.batch(), 2, s.stepSeconds(), false);
        Drained.await(client);
      }
      RatePoint p = r.point(w);
      m.sweep.add(p);
      m.acked += r.ackedEvents();
      m.errors += r.errors();
      OpenLoop.print(p);
    }
  }

  /** Sustained closed-loop ingest until the store holds {@code target} events. */
  private void fillTo(ClosedLoop loop, long size, ProcessStats stats) throws Exception {
    long stored = storedEvents();
    if (size > stored) {
      try (LoadClient c = fresh()) {
        segment(loop, c, size - stored, stats);
      }
    }
  }

  private void segment(ClosedLoop loop, LoadClient client, long events, ProcessStats stats)
      throws Exception {
    say(String.format(Locale.ROOT, "sustained ingest of %,d events", events));
    ProcessStats.Window w = stats.open();
    ClosedLoop.Segment seg = loop.run(client, events);
    m.segments.add(seg);
    m.acked += seg.events();
    m.errors += seg.errors();
    m.sustainedCpuCores.add(w.cpuCores());
    m.sustainedPeakRssMiB = Math.max(m.sustainedPeakRssMiB, w.peakRssMiB());
    m.sustainedPeakAnonMiB = Math.max(m.sustainedPeakAnonMiB, w.peakAnonMiB());
    System.out.printf(
        Locale.ROOT,
        "  acked %,.0f ev/s, committed %,.0f ev/s (%,d events, %.1f s), 503s %d, errors %d%n",
        seg.ackedPerSecond(),
        seg.committedPerSecond(),
        seg.events(),
        seg.commitSeconds(),
        seg.backpressured(),
        seg.errors());
  }

  private List<QueryResult> queries(Dataset ds) {
    long stored = storedEvents();
    say(String.format(Locale.ROOT, "queries at %,d events", stored));
    m.storedAtEnd = stored;
    int warmup = Math.max(10, s.queryCalls() / 5);
    // Windows fall where data is: at 1M of a 10M run, only the first days of the span are filled.
    Instant dataEnd = ds.mix.clock();
    return QuerySet.run(sync, stored, ds.from, dataEnd, warmup, s.queryCalls());
  }

  /** No failed request, no lost ack, every lag probe answered. */
  boolean healthy() {
    return m.errors == 0 && m.missing() == 0 && (m.lag == null || m.lag.lagTimeouts() == 0);
  }

  private long storedEvents() {
    return new JsonObject(sync.get("/api/stats").body()).getLong("totalEvents");
  }

  private static void expect202(LoadClient.Reply r) {
    if (r.status() != 202) {
      throw new IllegalStateException("ingest answered " + r.status() + ": " + r.body());
    }
  }

  private static void say(String what) {
    System.out.println("== " + what);
  }

  /** Where the report files go; the directory is created. */
  static Path outDir(RunSettings s) throws java.io.IOException {
    return Files.createDirectories(s.out());
  }

  /** Everything measured, for {@link Figures}. */
  static final class Measurements {
    final List<RatePoint> sweep = new ArrayList<>();
    final List<ClosedLoop.Segment> segments = new ArrayList<>();
    final List<Double> sustainedCpuCores = new ArrayList<>();
    final List<QueryResult> queries = new ArrayList<>();
    OpenLoop.Result lag;
    long sustainedPeakRssMiB = -1;
    long sustainedPeakAnonMiB = -1;
    long serverPeakRssMiB = -1;
    long storedAtStart;

    /** Acknowledged events the database does not hold (the run's own events only). */
    long missing() {
      return acked - (storedAtEnd - storedAtStart);
    }

    long storedAtEnd;
    long acked;
    long errors;
  }
}
