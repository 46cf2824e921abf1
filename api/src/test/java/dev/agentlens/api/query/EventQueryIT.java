package dev.agentlens.api.query;

import static dev.agentlens.api.query.QueryFixtures.badParameter;
import static dev.agentlens.api.query.QueryFixtures.event;
import static dev.agentlens.api.query.QueryFixtures.ingest;
import static dev.agentlens.api.query.QueryFixtures.okJson;
import static dev.agentlens.api.query.QueryFixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.api.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/events: every filter, ordering, pagination and 400 rule of reference §5. */
class EventQueryIT {

  private static final String T = "2026-03-01T";

  @TempDir static Path dir;
  static TestServer server;
  static String admin;
  static String bulkKey;
  static JsonArray acked;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(dir, Map.of());
    admin = server.adminKey();
    JsonObject toolError = event("s-a", "agent-1", "tool_error", T + "10:00:03.000Z");
    toolError.put("severity", "error");
    JsonObject metric = event("s-b", "agent-2", "custom", T + "11:00:01.000Z");
    metric.put("severity", "debug").put("metadata", new JsonObject().put("source", "otlp_metric"));
    JsonObject cost = event("s-b", "agent-2", "cost_tracked", T + "11:00:02.000Z");
    cost.put("severity", "warn");
    JsonObject marked = event("s-b", "agent-2", "custom", T + "11:00:03.000Z");
    marked.getJsonObject("payload").put("data", new JsonObject().put("note", "Refund 100%_done"));
    acked =
        ingest(
            server,
            admin,
            event("s-a", "agent-1", "session_started", T + "10:00:00.000Z"),
            event("s-a", "agent-1", "tool_call", T + "10:00:01.000Z"),
            event("s-a", "agent-1", "tool_response", T + "10:00:02.000Z"),
            toolError,
            event("s-a", "agent-1", "llm_call", T + "10:00:04.000Z"),
            event("s-a", "agent-1", "llm_response", T + "10:00:05.000Z"),
            event("s-b", "agent-2", "session_started", T + "11:00:00.000Z"),
            metric,
            cost,
            marked,
            event("s-b", "agent-2", "session_ended", T + "11:00:04.000Z"));
    bulkKey = QueryFixtures.mintKey(server, "bulk-tenant", "*");
    JsonArray bulk = new JsonArray();
    for (int i = 0; i < 520; i++) {
      bulk.add(
          event(
              "bulk",
              "agent-bulk",
              "custom",
              String.format("2026-02-01T10:%02d:%02d.000Z", i / 60, i % 60)));
    }
    ingest(server, bulkKey, bulk);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject get(String query) throws Exception {
    return okJson(server, admin, "/api/events" + query);
  }

  private static JsonArray events(String query) throws Exception {
    return get(query).getJsonArray("events");
  }

  @Test
  void everythingNewestFirstWithTotalAndTheElevenUpstreamKeys() throws Exception {
    JsonObject body = get("");
    assertThat(body.fieldNames()).containsExactly("events", "total", "hasMore");
    assertThat(body.getLong("total")).isEqualTo(11);
    assertThat(body.getBoolean("hasMore")).isFalse();
    JsonArray events = body.getJsonArray("events");
    assertThat(strings(events, "timestamp"))
        .containsExactly(
            T + "11:00:04.000Z",
            T + "11:00:03.000Z",
            T + "11:00:02.000Z",
            T + "11:00:01.000Z",
            T + "11:00:00.000Z",
            T + "10:00:05.000Z",
            T + "10:00:04.000Z",
            T + "10:00:03.000Z",
            T + "10:00:02.000Z",
            T + "10:00:01.000Z",
            T + "10:00:00.000Z");
    JsonObject toolCall = events.getJsonObject(9);
    assertThat(toolCall.fieldNames())
        .containsExactly(
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
    assertThat(toolCall.getString("id")).isEqualTo(acked.getJsonObject(1).getString("id"));
    assertThat(toolCall.getString("hash")).isEqualTo(acked.getJsonObject(1).getString("hash"));
    assertThat(toolCall.getString("prevHash")).isEqualTo(acked.getJsonObject(0).getString("hash"));
    assertThat(toolCall.getString("sessionId")).isEqualTo("s-a");
    assertThat(toolCall.getString("agentId")).isEqualTo("agent-1");
    assertThat(toolCall.getString("eventType")).isEqualTo("tool_call");
    assertThat(toolCall.getString("severity")).isEqualTo("info");
    assertThat(toolCall.getJsonObject("payload"))
        .isEqualTo(event("x", "y", "tool_call", null).getJsonObject("payload"));
    assertThat(toolCall.getJsonObject("metadata")).isEqualTo(new JsonObject());
    assertThat(toolCall.getString("tenantId")).isEqualTo("default");
  }

  @Test
  void ascendingOrderAndAnythingElseIsDescending() throws Exception {
    assertThat(events("?order=asc").getJsonObject(0).getString("timestamp"))
        .isEqualTo(T + "10:00:00.000Z");
    assertThat(events("?order=sideways").getJsonObject(0).getString("timestamp"))
        .isEqualTo(T + "11:00:04.000Z");
  }

  @Test
  void sessionAgentTypeAndSeverityFilters() throws Exception {
    assertThat(get("?sessionId=s-a").getLong("total")).isEqualTo(6);
    assertThat(strings(events("?agentId=agent-2"), "sessionId")).hasSize(5).containsOnly("s-b");
    assertThat(strings(events("?eventType=tool_call,tool_error"), "eventType"))
        .containsExactly("tool_error", "tool_call");
    assertThat(strings(events("?eventType=llm_response"), "eventType"))
        .containsExactly("llm_response");
    assertThat(strings(events("?severity=error,warn"), "severity"))
        .containsExactly("warn", "error");
    assertThat(get("?sessionId=s-a&eventType=cost_tracked").getLong("total")).isZero();
    JsonObject unknown = get("?eventType=nope");
    assertThat(unknown.getJsonArray("events")).isEmpty();
    assertThat(unknown.getLong("total")).isZero();
    assertThat(unknown.getBoolean("hasMore")).isFalse();
  }

  @Test
  void timeWindowIsInclusiveAndAcceptsOffsets() throws Exception {
    String window = "?from=" + T + "10:00:03.000Z&to=" + T + "11:00:00Z";
    assertThat(strings(events(window), "timestamp"))
        .containsExactly(
            T + "11:00:00.000Z", T + "10:00:05.000Z", T + "10:00:04.000Z", T + "10:00:03.000Z");
    // 12:00:03+02:00 is 10:00:03Z: canonicalised before comparing.
    assertThat(get("?from=" + T + "12:00:03%2B02:00&to=" + T + "11:00:00Z").getLong("total"))
        .isEqualTo(4);
    assertThat(get("?to=" + T + "10:00:00.000Z").getLong("total")).isEqualTo(1);
  }

  @Test
  void searchIsACaseInsensitiveLiteralSubstringOfThePayload() throws Exception {
    // "refund policy" in the tool_call arguments and "Refund 100%_done" in the custom payload.
    assertThat(strings(events("?search=REFUND"), "eventType"))
        .containsExactly("custom", "tool_call");
    // % and _ are literals: unescaped, "0%_d" would match most payloads.
    assertThat(strings(events("?search=0%25_d"), "eventType")).containsExactly("custom");
    assertThat(get("?search=" + "x".repeat(600)).getLong("total")).isZero();
  }

  @Test
  void excludeMetricsDropsOtlpMetricEvents() throws Exception {
    assertThat(get("?excludeMetrics=true").getLong("total")).isEqualTo(10);
    assertThat(strings(events("?excludeMetrics=true"), "severity")).doesNotContain("debug");
    assertThat(get("?excludeMetrics=false").getLong("total")).isEqualTo(11);
  }

  @Test
  void pagesWalkTheListWithHasMore() throws Exception {
    JsonObject first = get("?limit=4");
    assertThat(first.getJsonArray("events")).hasSize(4);
    assertThat(first.getLong("total")).isEqualTo(11);
    assertThat(first.getBoolean("hasMore")).isTrue();
    JsonObject second = get("?limit=4&offset=4");
    assertThat(second.getBoolean("hasMore")).isTrue();
    JsonObject last = get("?limit=4&offset=8");
    assertThat(last.getJsonArray("events")).hasSize(3);
    assertThat(last.getLong("total")).isEqualTo(11);
    assertThat(last.getBoolean("hasMore")).isFalse();
    JsonObject beyond = get("?limit=4&offset=11");
    assertThat(beyond.getJsonArray("events")).isEmpty();
    assertThat(beyond.getLong("total")).isEqualTo(11);
    assertThat(beyond.getBoolean("hasMore")).isFalse();
    assertThat(strings(first.getJsonArray("events"), "id"))
        .doesNotContainAnyElementsOf(strings(second.getJsonArray("events"), "id"));
  }

  @Test
  void limitAndOffsetAreClampedAsUpstream() throws Exception {
    String bulk = "/api/events?sessionId=bulk";
    JsonObject dflt = okJson(server, bulkKey, bulk);
    assertThat(dflt.getJsonArray("events")).hasSize(50);
    assertThat(dflt.getLong("total")).isEqualTo(520);
    assertThat(dflt.getBoolean("hasMore")).isTrue();
    assertThat(okJson(server, bulkKey, bulk + "&limit=0").getJsonArray("events")).hasSize(50);
    assertThat(okJson(server, bulkKey, bulk + "&limit=-5").getJsonArray("events")).hasSize(1);
    JsonObject max = okJson(server, bulkKey, bulk + "&limit=1000");
    assertThat(max.getJsonArray("events")).hasSize(500);
    assertThat(max.getBoolean("hasMore")).isTrue();
    assertThat(okJson(server, bulkKey, bulk + "&limit=500&offset=500").getJsonArray("events"))
        .hasSize(20);
    assertThat(okJson(server, bulkKey, bulk + "&limit=1&offset=-3").getJsonArray("events"))
        .isEqualTo(okJson(server, bulkKey, bulk + "&limit=1").getJsonArray("events"));
  }

  @Test
  void malformedParametersAre400sNamingTheParameter() throws Exception {
    badParameter(server, admin, "/api/events?limit=abc", "limit");
    badParameter(server, admin, "/api/events?limit=1.5", "limit");
    badParameter(server, admin, "/api/events?offset=x", "offset");
    badParameter(server, admin, "/api/events?from=garbage", "from");
    badParameter(server, admin, "/api/events?to=2026-13-01T00:00:00Z", "to");
    badParameter(server, admin, "/api/events?from=2026-03-01T10:00:00", "from");
    badParameter(server, admin, "/api/events?excludeMetrics=maybe", "excludeMetrics");
  }
}
