package dev.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A drain batch the database refuses is written again one event per transaction, and only the
 * refused event goes to dead_letters. A batch of ~10,000 events once overflowed the drainer's stack
 * when the last of those transactions completed, and the drainer stopped for good.
 */
class PoisonIsolationIT {
  private static final int REQUESTS = 100;
  private static final int PER_REQUEST = 100;

  @TempDir Path dir;

  @Test
  void isolatesOnePoisonEventInAFullDrainBatchAndCommitsTheRest() throws Exception {
    AtomicReference<GatedEventStore> gated = new AtomicReference<>();
    try (TestServer server = TestServer.start(dir, Map.of(), GatedEventStore.into(gated))) {
      gated.get().refuse(b -> b.events().stream().anyMatch(e -> e.sessionId().equals("poison")));
      gated.get().hold();
      for (int i = 0; i < REQUESTS; i++) {
        JsonArray events = new JsonArray();
        for (int j = 0; j < PER_REQUEST; j++) {
          String session = i == REQUESTS / 2 && j == 7 ? "poison" : "iso-" + (j % 20);
          events.add(WireEvents.event(session, "iso-agent", "tool_call"));
        }
        TestServer.Response r = server.post("/api/events", WireEvents.body(events));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
      }
      gated.get().release();

      long expected = REQUESTS * PER_REQUEST - 1L;
      TestServer.await(
          "every event but the poison one committed",
          Duration.ofSeconds(180),
          () -> server.storedEvents() == expected);
      assertThat(server.server().metrics().deadLetteredEvents()).isEqualTo(1);
      assertThat(server.server().metrics().backlog()).isZero();
      TestServer.Response after =
          server.post(
              "/api/events",
              WireEvents.body(
                  new JsonArray().add(WireEvents.event("iso-after", "a", "tool_call"))));
      assertThat(after.status()).isEqualTo(202);
      TestServer.await(
          "the drainer still drains",
          Duration.ofSeconds(30),
          () -> server.storedEvents() == expected + 1);
    }
  }
}
