package dev.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The timeline route streams a session a page at a time (1,000 events per page): a session of
 * several pages arrives whole, as one JSON document, in (timestamp, id) order, with its verdict.
 */
class TimelineStreamIT {
  private static final int EVENTS = 2_345; // two full pages and a partial one

  @TempDir Path dir;
  private TestServer server;

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir, Map.of());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aSessionOfSeveralPagesArrivesWholeInOrderWithItsVerdict() throws Exception {
    Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
    for (int sent = 0; sent < EVENTS; ) {
      JsonArray batch = new JsonArray();
      for (int i = 0; i < 500 && sent < EVENTS; i++, sent++) {
        // Descending timestamps: the timeline order is the reverse of the chain's seq order.
        batch.add(
            WireEvents.event("long", "agent", "tool_call")
                .put("timestamp", t0.minusSeconds(sent).toString()));
      }
      assertThat(server.post("/api/events", WireEvents.body(batch)).status()).isEqualTo(202);
    }
    TestServer.await(
        "all committed", Duration.ofSeconds(30), () -> server.storedEvents() == EVENTS);

    TestServer.Response r = server.get("/api/sessions/long/timeline");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    JsonObject body = r.json();
    assertThat(body.fieldNames()).containsExactly("events", "chainValid", "chained");
    assertThat(body.getBoolean("chainValid")).isTrue();
    assertThat(body.getBoolean("chained")).isTrue();
    JsonArray events = body.getJsonArray("events");
    assertThat(events).hasSize(EVENTS);
    for (int i = 1; i < EVENTS; i++) {
      JsonObject prev = events.getJsonObject(i - 1);
      JsonObject e = events.getJsonObject(i);
      assertThat(e.getString("timestamp")).isGreaterThan(prev.getString("timestamp"));
      // Each event links to the one ingested before it, which the timeline shows after it.
      assertThat(prev.getString("prevHash")).isEqualTo(e.getString("hash"));
    }
    assertThat(server.get("/api/sessions/missing/timeline").status()).isEqualTo(404);
  }
}
