package dev.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentlens.engine.model.ChainReport;
import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.EventQuery;
import dev.agentlens.engine.model.Page;
import dev.agentlens.engine.model.TimeWindow;
import dev.agentlens.engine.model.TimelineCursor;
import dev.agentlens.engine.model.TimelineHead;
import dev.agentlens.engine.store.EventReads;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The timeline route streams a session a page at a time (1,000 events per page): a session of
 * several pages arrives whole, as one JSON document, in (timestamp, id) order, with its verdict; a
 * page that fails after the status line cuts the connection instead of ending a shorter,
 * valid-looking document.
 */
class TimelineStreamIT {
  private static final int EVENTS = 2_345; // two full pages and a partial one

  @TempDir Path dir;

  @Test
  void aSessionOfSeveralPagesArrivesWholeInOrderWithItsVerdict() throws Exception {
    try (TestServer server = TestServer.start(dir, Map.of())) {
      ingestLongSession(server);

      TestServer.Response r = server.get("/api/sessions/long/timeline");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type"))
          .hasValue("application/json; charset=utf-8");
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

  @Test
  void aOnePageSessionIsSentWithItsLengthInBytes() throws Exception {
    try (TestServer server = TestServer.start(dir, Map.of())) {
      JsonArray batch = new JsonArray();
      for (int i = 0; i < 40; i++) {
        // Multi-byte text, and enough of it to span several of the response's buffers.
        batch.add(
            WireEvents.event("short", "agent", "tool_call")
                .put("metadata", new JsonObject().put("note", "é😀ü ".repeat(300) + i)));
      }
      assertThat(server.post("/api/events", WireEvents.body(batch)).status()).isEqualTo(202);
      TestServer.await("all committed", Duration.ofSeconds(30), () -> server.storedEvents() == 40);

      TestServer.Response r = server.get("/api/sessions/short/timeline");

      assertThat(r.status()).isEqualTo(200);
      assertThat(r.headers().firstValue("Transfer-Encoding")).isEmpty();
      assertThat(r.headers().firstValueAsLong("Content-Length"))
          .hasValue(r.body().getBytes(StandardCharsets.UTF_8).length);
      assertThat(r.body().length()).isGreaterThan(2 * 32 * 1024);
      JsonObject body = r.json();
      assertThat(body.getJsonArray("events")).hasSize(40);
      assertThat(
              body.getJsonArray("events")
                  .getJsonObject(0)
                  .getJsonObject("metadata")
                  .getString("note"))
          .startsWith("é😀ü é😀ü");
      assertThat(body.getBoolean("chainValid")).isTrue();
    }
  }

  @Test
  void aPageFailingAfterTheStatusLineCutsTheConnection() throws Exception {
    AtomicReference<GatedEventStore> gated = new AtomicReference<>();
    try (TestServer server = TestServer.start(dir, Map.of(), GatedEventStore.into(gated))) {
      ingestLongSession(server);
      gated.get().reads = FailingPages::new;

      // Cut, not left hanging until the client's timeout.
      assertThatThrownBy(() -> server.get("/api/sessions/long/timeline"))
          .isInstanceOf(IOException.class)
          .isNotInstanceOf(HttpTimeoutException.class);

      gated.get().reads = r -> r;
      assertThat(server.get("/api/sessions/long/timeline").json().getJsonArray("events"))
          .hasSize(EVENTS);
    }
  }

  private static void ingestLongSession(TestServer server) throws Exception {
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
  }

  /** The real reads, except that every page after the head's fails. */
  private record FailingPages(EventReads real) implements EventReads {
    @Override
    public Future<List<Event>> timelinePage(
        String tenantId, String sessionId, long maxSeq, TimelineCursor after, int limit) {
      return Future.failedFuture(new IllegalStateException("page refused by the test"));
    }

    @Override
    public Future<Optional<TimelineHead>> timelineHead(
        String tenantId, String sessionId, int pageSize) {
      return real.timelineHead(tenantId, sessionId, pageSize);
    }

    @Override
    public Future<Page<Event>> query(EventQuery query) {
      return real.query(query);
    }

    @Override
    public Future<Long> count(EventQuery query) {
      return real.count(query);
    }

    @Override
    public Future<Optional<Event>> get(String tenantId, String id) {
      return real.get(tenantId, id);
    }

    @Override
    public Future<ChainReport> verifySession(String tenantId, String sessionId) {
      return real.verifySession(tenantId, sessionId);
    }

    @Override
    public Future<ChainReport> verifyWindow(String tenantId, TimeWindow window) {
      return real.verifyWindow(tenantId, window);
    }
  }
}
