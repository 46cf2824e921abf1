package dev.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP → journal → drainer → SQLite → HTTP reads, on a real server. */
class IngestEndToEndIT {

  @TempDir static Path dir;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(dir, Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void tenSessionsOfAllTypesRoundTripWithAggregatesAndValidChains() throws Exception {
    JsonArray events = new JsonArray();
    List<String> sessions = new ArrayList<>();
    for (int s = 0; s < 10; s++) {
      sessions.add("e2e-sess-" + s);
    }
    // Interleave sessions: every type for every session, session_started first, ended last.
    for (String type : WireEvents.PAYLOADS.keySet()) {
      if (type.equals("session_ended")) {
        continue;
      }
      for (String s : sessions) {
        events.add(WireEvents.event(s, "e2e-agent", type));
      }
    }
    for (String s : sessions) {
      events.add(WireEvents.event(s, "e2e-agent", "session_ended"));
    }
    TestServer.Response r = server.post("/api/events?wait=true", WireEvents.body(events));

    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonObject body = r.json();
    assertThat(body.getInteger("ingested")).isEqualTo(210);
    JsonArray acked = body.getJsonArray("events");
    assertThat(acked).hasSize(210);
    for (int i = 0; i < acked.size(); i++) {
      assertThat(acked.getJsonObject(i).getString("id")).matches("[0-9A-Z]{26}");
      assertThat(acked.getJsonObject(i).getString("hash")).matches("[0-9a-f]{64}");
    }

    JsonObject first = server.get("/api/events/" + acked.getJsonObject(0).getString("id")).json();
    assertThat(first.fieldNames())
        .containsExactlyInAnyOrder(
            "id",
            "timestamp",
            "sessionId",
            "agentId",
            "eventType",
            "severity",
            "payload",
            "metadata",
            "prevHash",
            "hash",
            "tenantId");
    assertThat(first.getString("eventType")).isEqualTo("session_started");
    assertThat(first.getString("prevHash")).isNull();
    assertThat(first.getString("hash")).isEqualTo(acked.getJsonObject(0).getString("hash"));
    assertThat(first.getString("tenantId")).isEqualTo("default");
    assertThat(first.getJsonObject("payload").getString("agentName")).isEqualTo("Support Bot");

    for (String s : sessions) {
      JsonObject session = server.get("/api/sessions/" + s).json();
      assertThat(session.getString("status")).isEqualTo("completed");
      assertThat(session.getString("agentName")).isEqualTo("Support Bot");
      assertThat(session.getLong("eventCount")).isEqualTo(21);
      assertThat(session.getLong("toolCallCount")).isEqualTo(1);
      assertThat(session.getLong("errorCount")).isEqualTo(1);
      assertThat(session.getDouble("totalCostUsd")).isEqualTo(0.75);
      assertThat(session.getLong("llmCallCount")).isEqualTo(1);
      assertThat(session.getLong("totalInputTokens")).isEqualTo(10);
      assertThat(session.getLong("totalOutputTokens")).isEqualTo(5);
      assertThat(session.getJsonArray("tags")).containsExactly("prod");
      assertThat(session.getString("endedAt")).isNotNull();

      JsonObject timeline = server.get("/api/sessions/" + s + "/timeline").json();
      assertThat(timeline.getBoolean("chainValid")).isTrue();
      assertThat(timeline.getBoolean("chained")).isTrue();
      JsonArray tl = timeline.getJsonArray("events");
      assertThat(tl).hasSize(21);
      for (int i = 1; i < tl.size(); i++) {
        assertThat(tl.getJsonObject(i).getString("prevHash"))
            .isEqualTo(tl.getJsonObject(i - 1).getString("hash"));
      }
    }
  }

  @Test
  void acceptedEventsBecomeQueryableWithoutWaiting() throws Exception {
    TestServer.Response r =
        server.post(
            "/api/events",
            WireEvents.body(new JsonArray().add(WireEvents.event("async-1", "a", "tool_call"))));
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    JsonObject body = r.json();
    assertThat(body.getInteger("ingested")).isEqualTo(1);
    String id = body.getJsonArray("events").getJsonObject(0).getString("id");
    assertThat(body.getJsonArray("events").getJsonObject(0).fieldNames()).containsExactly("id");
    TestServer.await(
        "event " + id + " visible",
        Duration.ofSeconds(10),
        () -> status("/api/events/" + id) == 200);
  }

  @Test
  void clientIdsMakeRetriesIdempotent() throws Exception {
    JsonObject e = WireEvents.event("idem-1", "a", "custom").put("id", "client-evt-1");
    String body = WireEvents.body(new JsonArray().add(e));
    TestServer.Response first = server.post("/api/events?wait=true", body);
    TestServer.Response again = server.post("/api/events?wait=true", body);
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    String hash = first.json().getJsonArray("events").getJsonObject(0).getString("hash");
    assertThat(again.json().getJsonArray("events").getJsonObject(0).getString("hash"))
        .isEqualTo(hash);
    assertThat(server.get("/api/sessions/idem-1").json().getLong("eventCount")).isEqualTo(1);
  }

  @Test
  void rejectedRequestsStoreNothing() throws Exception {
    long appendedBefore = server.server().metrics().appendedRequests();
    long storedBefore = server.storedEvents();
    JsonArray mixed =
        new JsonArray()
            .add(WireEvents.event("rej-1", "a", "tool_call"))
            .add(WireEvents.event("rej-1", "a", "tool_call").put("timestamp", "2026-02-30T10:00Z"))
            .add(new JsonObject().put("sessionId", "rej-1").put("agentId", "a"));
    TestServer.Response r = server.post("/api/events?wait=true", WireEvents.body(mixed));
    assertThat(r.status()).isEqualTo(400);
    JsonObject err = r.json();
    assertThat(err.getString("error")).isEqualTo("Validation failed");
    assertThat(err.getInteger("status")).isEqualTo(400);
    List<String> paths = new ArrayList<>();
    err.getJsonArray("details").forEach(d -> paths.add(((JsonObject) d).getString("path")));
    assertThat(paths).contains("events.1.timestamp", "events.2.eventType", "events.2.payload");

    assertThat(server.post("/api/events", "{not json").status()).isEqualTo(400);
    assertThat(server.post("/api/events", "{not json").json().getString("error"))
        .isEqualTo("Invalid JSON body");
    JsonArray tooMany = new JsonArray();
    for (int i = 0; i < 1001; i++) {
      tooMany.add(WireEvents.event("rej-2", "a", "custom"));
    }
    TestServer.Response big = server.post("/api/events", WireEvents.body(tooMany));
    assertThat(big.status()).isEqualTo(400);
    assertThat(big.json().getJsonArray("details").getJsonObject(0).getString("path"))
        .isEqualTo("events");
    String huge = "{\"events\":[{\"pad\":\"" + "x".repeat(1_100_000) + "\"}]}";
    TestServer.Response tooLarge = server.post("/api/events", huge);
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.json().getString("error")).isEqualTo("Request body too large");

    assertThat(server.server().metrics().appendedRequests()).isEqualTo(appendedBefore);
    assertThat(server.storedEvents()).isEqualTo(storedBefore);
    assertThat(status("/api/sessions/rej-1")).isEqualTo(404);
  }

  @Test
  void authIsRequiredAndHealthIsOpen() throws Exception {
    String body = WireEvents.body(new JsonArray().add(WireEvents.event("auth-1", "a", "custom")));
    TestServer.Response none = server.send("POST", "/api/events", body, null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.json().getString("error")).isEqualTo("Authentication required");
    TestServer.Response bad = server.send("POST", "/api/events", body, "als_" + "0".repeat(64));
    assertThat(bad.status()).isEqualTo(401);
    assertThat(bad.json().getString("error")).isEqualTo("Invalid or revoked API key");
    TestServer.Response health = server.send("GET", "/api/health", null, null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().getJsonObject("db").getBoolean("ok")).isTrue();
    assertThat(health.json().getJsonObject("journal").getLong("backlog")).isNotNegative();
    TestServer.Response unknown = server.get("/api/nothing-here");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().getString("error")).isEqualTo("Not found");
  }

  private int status(String path) {
    try {
      return server.get(path).status();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
