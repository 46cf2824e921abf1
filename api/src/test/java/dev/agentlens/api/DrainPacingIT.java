package dev.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * drain.max-delay paces transactions: requests arriving close together share one commit instead of
 * paying SQLite's per-commit page writes each, and no two commits start closer than max-delay.
 */
class DrainPacingIT {
  private static final long MAX_DELAY_MS = 400;

  @TempDir Path dir;

  @Test
  void requestsArrivingTogetherShareCommitsSpacedByMaxDelay() throws Exception {
    AtomicReference<GatedEventStore> gated = new AtomicReference<>();
    try (TestServer server =
        TestServer.start(
            dir, Map.of("drain.max-delay", MAX_DELAY_MS + "ms"), GatedEventStore.into(gated))) {
      long t0 = System.nanoTime();
      int requests = 20;
      for (int i = 0; i < requests; i++) {
        assertThat(server.post("/api/events", batch("pace-" + (i % 3), 5)).status()).isEqualTo(202);
      }
      long postingMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      TestServer.await(
          "all 100 events committed",
          Duration.ofSeconds(30),
          () -> totalEvents(server) == requests * 5L);

      List<Long> starts = gated.get().writeStarts;
      // The first request after a quiet spell goes in at once; the rest wait for company.
      long allowed = 2 + postingMs / MAX_DELAY_MS;
      assertThat((long) starts.size())
          .as("commits for %d requests posted over %d ms", requests, postingMs)
          .isLessThanOrEqualTo(allowed)
          .isLessThan(requests);
      for (int i = 1; i < starts.size(); i++) {
        long gapMs = TimeUnit.NANOSECONDS.toMillis(starts.get(i) - starts.get(i - 1));
        // A timer may fire a millisecond early by rounding; never a whole max-delay early.
        assertThat(gapMs).as("gap before commit %d", i).isGreaterThanOrEqualTo(MAX_DELAY_MS - 2);
      }
    }
  }

  private static long totalEvents(TestServer server) {
    try {
      return server.get("/api/stats").json().getLong("totalEvents");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String batch(String session, int n) {
    JsonArray events = new JsonArray();
    for (int i = 0; i < n; i++) {
      events.add(WireEvents.event(session, "pace-agent", "tool_call"));
    }
    return WireEvents.body(events);
  }
}
