package dev.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With the drainer held back, ingest refuses at the backlog cap, loses nothing, and recovers. */
class BackpressureIT {

  @TempDir Path dir;

  @Test
  void refusesAtTheCapThenDrainsAndRecovers() throws Exception {
    AtomicReference<GatedEventStore> gated = new AtomicReference<>();
    try (TestServer server =
        TestServer.start(
            dir, Map.of("ingest.max-backlog-events", "1000"), GatedEventStore.into(gated))) {
      gated.get().hold();
      Set<String> acked = new HashSet<>();
      TestServer.Response refused = null;
      for (int i = 0; i < 50 && refused == null; i++) {
        TestServer.Response r = server.post("/api/events", batch("bp-" + (i % 5), 100));
        if (r.status() == 503) {
          refused = r;
        } else {
          assertThat(r.status()).as(r.body()).isEqualTo(202);
          r.json().getJsonArray("events").forEach(e -> acked.add(((JsonObject) e).getString("id")));
        }
      }
      assertThat(refused).as("a 503 at the backlog cap").isNotNull();
      assertThat(acked).hasSize(1000);
      assertThat(refused.headers().firstValue("Retry-After")).contains("1");
      JsonObject body = refused.json();
      assertThat(body.getInteger("status")).isEqualTo(503);
      assertThat(body.getInteger("retryAfterSeconds")).isEqualTo(1);
      assertThat(body.getString("error")).isNotBlank();

      gated.get().release();
      TestServer.await(
          "every acknowledged event committed",
          Duration.ofSeconds(30),
          () -> server.storedEvents() == 1000);
      for (String id : acked) {
        assertThat(server.get("/api/events/" + id).status()).isEqualTo(200);
      }
      TestServer.Response after = server.post("/api/events", batch("bp-after", 10));
      assertThat(after.status()).isEqualTo(202);
    }
  }

  /** Production stores complete on the drainer's context; the drainer must not rely on it. */
  @Test
  void drainsOnWhenTheStoreCompletesWritesOnAnotherThread() throws Exception {
    java.util.concurrent.ExecutorService foreign =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try (TestServer server =
        TestServer.start(dir, Map.of(), real -> new GatedEventStore(real, foreign))) {
      for (int i = 1; i <= 5; i++) {
        assertThat(server.post("/api/events", batch("fx-" + i, 10)).status()).isEqualTo(202);
        long expected = i * 10L;
        TestServer.await(
            "batch " + i + " committed",
            Duration.ofSeconds(10),
            () -> server.storedEvents() == expected);
      }
    } finally {
      foreign.shutdown();
    }
  }

  private static String batch(String session, int n) {
    JsonArray events = new JsonArray();
    for (int i = 0; i < n; i++) {
      events.add(WireEvents.event(session, "bp-agent", "tool_call"));
    }
    return WireEvents.body(events);
  }
}
