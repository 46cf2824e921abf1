package dev.agentlens.api.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.api.TestServer;
import dev.agentlens.api.WireEvents;
import dev.agentlens.engine.config.AgentLensConfig;
import dev.agentlens.engine.model.EventQuery;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.store.StoreSettings;
import dev.agentlens.engine.store.sqlite.SqliteEventStore;
import dev.agentlens.engine.store.sqlite.SqliteSettings;
import dev.agentlens.engine.testing.StoreHarness;
import dev.agentlens.engine.testing.TestEvents;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest keeps flowing while retention purges half a million events (SPEC §7): 500k events dated
 * 200 days back are written straight through the store, the server starts on that data, a steady
 * open-loop load of POST /api/events runs, and ack latency P95 during {@code POST
 * /api/retention/run} must stay under twice its idle value. Latency is measured from each request's
 * intended send time, so a stall is not hidden by the load generator waiting for it.
 */
class RetentionPurgeLatencyIT {

  private static final int OLD_EVENTS = 500_000;
  private static final int EVENTS_PER_OLD_SESSION = 200;
  private static final int SEED_BATCH = 10_000;

  private static final int REQUESTS_PER_SECOND = 100;
  private static final int EVENTS_PER_REQUEST = 10;
  private static final Duration WARM_UP = Duration.ofSeconds(10);

  /** Idle is measured this long before the purge and again after it (the two pooled). */
  private static final Duration IDLE = Duration.ofSeconds(8);

  @TempDir Path dir;

  @Test
  void ackLatencyP95StaysUnderTwiceIdleWhileAHalfMillionEventPurgeRuns() throws Exception {
    long t0 = System.nanoTime();
    seedOldEvents(TestServer.config(dir, Map.of()));
    long seededMs = (System.nanoTime() - t0) / 1_000_000;

    try (TestServer server = TestServer.start(dir, Map.of());
        SteadyLoad load = new SteadyLoad(server)) {
      Phases phases = measure(server, load);

      assertThat(phases.run().statusCode()).as(phases.run().body()).isEqualTo(200);
      JsonObject report = new JsonObject(phases.run().body());
      // Idle before and after the purge, pooled: ambient noise (JIT, GC, a busy machine) is
      // sampled on both sides of the purge instead of only while the JIT is still warming up.
      Latencies idle =
          load.latencies(phases.idleFrom(), phases.purgeFrom(), phases.purgeTo(), phases.idleTo());
      Latencies purging = load.latencies(phases.purgeFrom(), phases.purgeTo(), 0, 0);
      print(seededMs, report, phases, idle, purging, load);

      assertThat(report.getLong("eventsDeleted")).isEqualTo(OLD_EVENTS);
      assertThat(report.getValue("error")).isNull();
      assertThat(load.statuses()).as("every ingest request acknowledged").containsOnly(202);
      assertThat(purging.count()).as("requests sent while purging").isGreaterThan(200);
      assertThat(purging.p95()).isLessThan(2 * idle.p95());
      long acked = load.acked() * EVENTS_PER_REQUEST;
      TestServer.await(
          "every acknowledged event committed and none purged",
          Duration.ofSeconds(30),
          () -> count(server) == acked);
    }
  }

  private record Phases(
      long idleFrom,
      long purgeFrom,
      long purgeTo,
      long idleTo,
      HttpResponse<String> run,
      long maxBacklog) {}

  /** Warm-up, idle, the purge (POST /api/retention/run until it answers), idle again. */
  private static Phases measure(TestServer server, SteadyLoad load) throws Exception {
    load.start();
    LockSupport.parkNanos(WARM_UP.toNanos());
    long idleFrom = System.nanoTime();
    LockSupport.parkNanos(IDLE.toNanos());
    BacklogProbe backlog = new BacklogProbe(server);
    long purgeFrom = System.nanoTime();
    HttpResponse<String> run = load.post("/api/retention/run", Duration.ofMinutes(5));
    long purgeTo = System.nanoTime();
    backlog.stop();
    LockSupport.parkNanos(IDLE.toNanos());
    long idleTo = System.nanoTime();
    load.stop();
    return new Phases(idleFrom, purgeFrom, purgeTo, idleTo, run, backlog.max());
  }

  private static void print(
      long seededMs,
      JsonObject report,
      Phases p,
      Latencies idle,
      Latencies purging,
      SteadyLoad load) {
    System.out.printf(
        "RetentionPurgeLatencyIT: seeded %,d old events in %,d ms; purge of %,d events"
            + " (%,d anchors, %,d sessions, %,d pages reclaimed) took %,d ms%n"
            + "  ack latency idle:    %s%n  ack latency purging: %s%n"
            + "  max drain backlog while purging: %,d events; load %d req/s x %d events%n",
        OLD_EVENTS,
        seededMs,
        report.getLong("eventsDeleted"),
        report.getLong("anchorsWritten"),
        report.getLong("sessionsRemoved"),
        report.getLong("pagesReclaimed"),
        (p.purgeTo() - p.purgeFrom()) / 1_000_000,
        idle,
        purging,
        p.maxBacklog(),
        REQUESTS_PER_SECOND,
        EVENTS_PER_REQUEST);
    StringBuilder perSecond =
        new StringBuilder("  ack p95 per second (ms), idle | purging | idle:");
    long second = 1_000_000_000L;
    for (long t = p.idleFrom(); t + second <= p.idleTo(); t += second) {
      boolean edge =
          (t <= p.purgeFrom() && p.purgeFrom() < t + second)
              || (t <= p.purgeTo() && p.purgeTo() < t + second);
      perSecond.append(edge ? " | " : " ");
      perSecond.append(Math.round(load.latencies(t, t + second, 0, 0).p95()));
    }
    System.out.println(perSecond);
  }

  /** 500k tool calls 200 days old, 200 per session, written as the drainer would. */
  private static void seedOldEvents(AgentLensConfig config) {
    Vertx vertx = Vertx.vertx();
    SqliteEventStore store =
        new SqliteEventStore(
            vertx,
            new SqliteSettings(config.sqlite().file(), config.sqlite().pragmas(), 2),
            new StoreSettings(Clock.systemUTC(), 30));
    StoreHarness.await(store.start());
    // Its own checkpoint row: the server's drainer (node-1) must not think its journal was applied.
    StoreHarness harness = new StoreHarness(store, "seed-node");
    TestEvents events =
        new TestEvents("default", Instant.now().minus(Duration.ofDays(200)), Duration.ofMillis(1));
    List<IngestEvent> batch = new ArrayList<>(SEED_BATCH);
    for (int i = 0; i < OLD_EVENTS; i++) {
      batch.add(events.toolCall("old-" + i / EVENTS_PER_OLD_SESSION, "search").build());
      if (batch.size() == SEED_BATCH) {
        harness.write(batch);
        batch.clear();
      }
    }
    StoreHarness.await(store.close());
    StoreHarness.await(vertx.close());
  }

  private static long count(TestServer server) {
    return StoreHarness.await(server.server().store().events().count(EventQuery.all("default")));
  }

  private record Latencies(int count, double p50, double p95, double p99, double max) {
    @Override
    public String toString() {
      return String.format(
          "n=%d p50=%.2f ms p95=%.2f ms p99=%.2f ms max=%.2f ms", count, p50, p95, p99, max);
    }
  }

  private record Sample(long intendedNanos, long latencyNanos, int status) {}

  /** Fires POST /api/events at a fixed rate without waiting for answers (open loop). */
  private static final class SteadyLoad implements AutoCloseable {
    private final HttpClient client =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final AtomicLong fired = new AtomicLong();
    private final TestServer server;
    private final List<String> bodies = new ArrayList<>();
    private long startNanos;

    SteadyLoad(TestServer server) {
      this.server = server;
      for (int s = 0; s < 50; s++) {
        JsonArray batch = new JsonArray();
        for (int i = 0; i < EVENTS_PER_REQUEST; i++) {
          batch.add(WireEvents.event("live-" + s, "live-agent", "tool_call"));
        }
        bodies.add(WireEvents.body(batch));
      }
    }

    void start() {
      long period = 1_000_000_000L / REQUESTS_PER_SECOND;
      startNanos = System.nanoTime();
      timer.scheduleAtFixedRate(
          () -> fire(startNanos + fired.get() * period), 0, period, TimeUnit.NANOSECONDS);
    }

    private void fire(long intended) {
      long n = fired.getAndIncrement();
      HttpRequest request = request("/api/events", bodies.get((int) (n % bodies.size())));
      client
          .sendAsync(request, HttpResponse.BodyHandlers.discarding())
          .whenComplete(
              (response, failure) ->
                  samples.add(
                      new Sample(
                          intended,
                          System.nanoTime() - intended,
                          response == null ? -1 : response.statusCode())));
    }

    HttpResponse<String> post(String path, Duration timeout) throws Exception {
      HttpRequest request =
          HttpRequest.newBuilder(uri(path))
              .timeout(timeout)
              .header("Authorization", "Bearer " + server.adminKey())
              .POST(HttpRequest.BodyPublishers.noBody())
              .build();
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, String body) {
      return HttpRequest.newBuilder(uri(path))
          .timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + server.adminKey())
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build();
    }

    private URI uri(String path) {
      return URI.create("http://127.0.0.1:" + server.server().port() + path);
    }

    /** Stops firing and waits for every request in flight to answer. */
    void stop() throws InterruptedException {
      timer.shutdown();
      timer.awaitTermination(5, TimeUnit.SECONDS);
      TestServer.await(
          "every ingest request answered",
          Duration.ofSeconds(30),
          () -> samples.size() == fired.get());
    }

    long acked() {
      return samples.stream().filter(s -> s.status() == 202).count();
    }

    List<Integer> statuses() {
      return samples.stream().map(Sample::status).distinct().toList();
    }

    /** Latencies of the requests meant to start in [from, to) or [from2, to2). */
    Latencies latencies(long from, long to, long from2, long to2) {
      double[] ms =
          samples.stream()
              .filter(
                  s ->
                      (s.intendedNanos() >= from && s.intendedNanos() < to)
                          || (s.intendedNanos() >= from2 && s.intendedNanos() < to2))
              .mapToDouble(s -> s.latencyNanos() / 1e6)
              .sorted()
              .toArray();
      if (ms.length == 0) {
        return new Latencies(0, 0, 0, 0, 0);
      }
      return new Latencies(
          ms.length, pct(ms, 0.50), pct(ms, 0.95), pct(ms, 0.99), ms[ms.length - 1]);
    }

    private static double pct(double[] sorted, double p) {
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    @Override
    public void close() {
      timer.shutdownNow();
    }
  }

  /** Samples the journal → database backlog every 20 ms while the purge runs. */
  private static final class BacklogProbe {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong max = new AtomicLong();

    BacklogProbe(TestServer server) {
      timer.scheduleAtFixedRate(
          () -> max.accumulateAndGet(server.server().metrics().backlog(), Math::max),
          0,
          20,
          TimeUnit.MILLISECONDS);
    }

    void stop() throws InterruptedException {
      timer.shutdown();
      timer.awaitTermination(5, TimeUnit.SECONDS);
    }

    long max() {
      return max.get();
    }
  }
}
