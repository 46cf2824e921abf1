package dev.agentlens.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.api.TestServer;
import dev.agentlens.engine.config.AgentLensConfig;
import dev.agentlens.engine.model.Timestamps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Query latency at 1M events through HTTP on a real server (SPEC §4 goals, issue 4): a filtered
 * event query, the session list, a 1,000-event timeline, 24h analytics. Opt-in and report-only:
 * {@code mvn -B -pl api verify -Dit.test=QueryLatencyMeasurement -Dagentlens.perf=true} (also
 * {@code -Dagentlens.perf.events=…}, and {@code -Dagentlens.perf.dir=…} to build the database once
 * in that directory and reuse it on later runs).
 *
 * <p>The data: 1,000 sessions of 1,000 events (10 sessions running at a time), 20 agents, an
 * upstream-like type mix with 200–600-byte payloads, spread evenly over 30 days, so a 24h window
 * holds ~33k events. Written straight through {@code EventStore.write} in 10k-event drain batches,
 * then served by a real server opened on that database file.
 */
@EnabledIfSystemProperty(named = "agentlens.perf", matches = "true")
class QueryLatencyMeasurement {

  private static final Instant START = LatencyDataset.START;
  private static final Duration SPAN = LatencyDataset.SPAN;
  private static final int SESSION_EVENTS = LatencyDataset.SESSION_EVENTS;
  private static final int AGENTS = LatencyDataset.AGENTS;
  private static final int CALLS = 200;
  private static final int WARMUP = 30;

  @TempDir Path dir;

  @Test
  void p95AtOneMillionEvents() throws Exception {
    int total = Integer.getInteger("agentlens.perf.events", 1_000_000);
    String keep = System.getProperty("agentlens.perf.dir");
    Path dir = keep == null ? this.dir : Path.of(keep);
    AgentLensConfig config = TestServer.config(dir, Map.of());
    if (Files.exists(config.sqlite().file())) {
      System.out.println("reusing " + config.sqlite().file());
    } else {
      long t0 = System.nanoTime();
      LatencyDataset.build(config, total);
      System.out.printf(
          Locale.ROOT, "built %,d events in %.1f s%n", total, (System.nanoTime() - t0) / 1e9);
    }
    long stepMs = SPAN.toMillis() / total;
    int sessions = total / SESSION_EVENTS;
    SplittableRandom r = new SplittableRandom(7);
    try (TestServer server = TestServer.start(dir, Map.of())) {
      String key = server.adminKey();
      measure(
          server,
          key,
          "filtered events (agent+type+24h)",
          10,
          i -> {
            Instant from = START.plus(Duration.ofDays(r.nextInt(29)));
            return "/api/events?agentId=agent-"
                + r.nextInt(AGENTS)
                + "&eventType=tool_call,tool_error&from="
                + Timestamps.format(from)
                + "&to="
                + Timestamps.format(from.plus(Duration.ofDays(1)));
          });
      measure(
          server,
          key,
          "filtered events, one query repeated",
          10,
          i ->
              "/api/events?agentId=agent-3&eventType=tool_call,tool_error"
                  + "&from=2026-01-10T00:00:00.000Z&to=2026-01-11T00:00:00.000Z");
      measure(server, key, "events, no filter (first page)", 10, i -> "/api/events");
      measure(
          server,
          key,
          "events by session (first page)",
          10,
          i -> "/api/events?sessionId=sess-" + r.nextInt(sessions));
      measure(server, key, "session list (first page)", 10, i -> "/api/sessions");
      measure(
          server,
          key,
          "session list by agent",
          10,
          i -> "/api/sessions?agentId=agent-" + r.nextInt(AGENTS));
      measure(
          server,
          key,
          "session list status=completed,idle",
          10,
          i -> "/api/sessions?status=completed,idle&offset=" + r.nextInt(500));
      measure(
          server,
          key,
          "timeline of 1,000 events",
          20,
          i -> "/api/sessions/sess-" + r.nextInt(sessions) + "/timeline");
      measure(
          server,
          key,
          "analytics 24h hourly",
          50,
          i -> {
            Instant from = START.plus(Duration.ofHours(r.nextInt(24 * 29)));
            return "/api/analytics?from="
                + Timestamps.format(from)
                + "&to="
                + Timestamps.format(from.plus(Duration.ofDays(1)));
          });
      measure(server, key, "analytics/costs 24h", 50, i -> window("/api/analytics/costs", r));
      measure(server, key, "analytics/tools 24h", 50, i -> window("/api/analytics/tools", r));
      measure(server, key, "analytics/llm 24h", 50, i -> window("/api/analytics/llm", r));
      measure(server, key, "stats", 50, i -> "/api/stats");
      measure(server, key, "stats/overview", 50, i -> "/api/stats/overview");
      System.out.printf(Locale.ROOT, "(step between events: %d ms)%n", stepMs);
    }
  }

  private static String window(String path, SplittableRandom r) {
    Instant from = START.plus(Duration.ofHours(r.nextInt(24 * 29)));
    return path
        + "?from="
        + Timestamps.format(from)
        + "&to="
        + Timestamps.format(from.plus(Duration.ofDays(1)));
  }

  private static void measure(
      TestServer server, String key, String what, double goalMs, IntFunction<String> path)
      throws Exception {
    String only = System.getProperty("agentlens.perf.only");
    if (only != null && !what.contains(only)) {
      return;
    }
    for (int i = 0; i < WARMUP; i++) {
      assertThat(server.send("GET", path.apply(i), null, key).status()).isEqualTo(200);
    }
    long[] nanos = new long[CALLS];
    for (int i = 0; i < CALLS; i++) {
      String p = path.apply(i);
      long t = System.nanoTime();
      TestServer.Response res = server.send("GET", p, null, key);
      nanos[i] = System.nanoTime() - t;
      assertThat(res.status()).as(p + " " + res.body()).isEqualTo(200);
    }
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "%-36s P50 %7.2f ms  P95 %7.2f ms  P99 %7.2f ms  max %7.2f ms  (goal P95 < %.0f ms)%n",
        what,
        nanos[CALLS / 2] / 1e6,
        nanos[(int) Math.ceil(CALLS * 0.95) - 1] / 1e6,
        nanos[(int) Math.ceil(CALLS * 0.99) - 1] / 1e6,
        nanos[CALLS - 1] / 1e6,
        goalMs);
  }
}
