package dev.agentlens.api.query;

import static dev.agentlens.api.query.QueryFixtures.event;
import static dev.agentlens.api.query.QueryFixtures.fails;
import static dev.agentlens.api.query.QueryFixtures.ingest;
import static dev.agentlens.api.query.QueryFixtures.ok;
import static dev.agentlens.api.query.QueryFixtures.okJson;
import static dev.agentlens.api.query.QueryFixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.api.TestServer;
import dev.agentlens.engine.model.Timestamps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenarios of the upstream SDKs' integration tests, met by behaviour: empty queries on a fresh
 * tenant, 404s, the logLlmCall round trip, session aggregates and paging with hasMore.
 */
class SdkScenariosIT {

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
  void aFreshTenantGetsEmptyAnswersInTheUpstreamShapes() throws Exception {
    String key = QueryFixtures.mintKey(server, "fresh", "read");
    Map<String, String> expected =
        Map.ofEntries(
            Map.entry("/api/events", "{\"events\":[],\"total\":0,\"hasMore\":false}"),
            Map.entry(
                "/api/events?sessionId=x&limit=10&offset=20",
                "{\"events\":[],\"total\":0,\"hasMore\":false}"),
            Map.entry("/api/sessions", "{\"sessions\":[],\"total\":0,\"hasMore\":false}"),
            Map.entry("/api/sessions?countOnly=true", "{\"count\":0}"),
            Map.entry("/api/agents", "{\"agents\":[]}"),
            Map.entry(
                "/api/analytics",
                "{\"buckets\":[],\"totals\":{\"eventCount\":0,\"toolCallCount\":0,"
                    + "\"errorCount\":0,\"avgLatencyMs\":0,\"totalCostUsd\":0,"
                    + "\"uniqueSessions\":0,\"uniqueAgents\":0}}"),
            Map.entry(
                "/api/analytics/costs",
                "{\"byAgent\":[],\"byModel\":[],\"bySession\":[],\"byTool\":[],\"overTime\":[],"
                    + "\"totals\":{\"totalCostUsd\":0,\"totalInputTokens\":0,"
                    + "\"totalOutputTokens\":0,\"totalTokens\":0}}"),
            Map.entry("/api/analytics/agents", "{\"agents\":[]}"),
            Map.entry("/api/analytics/tools", "{\"tools\":[]}"),
            Map.entry(
                "/api/analytics/llm",
                "{\"summary\":{\"totalCalls\":0,\"totalCostUsd\":0,\"totalInputTokens\":0,"
                    + "\"totalOutputTokens\":0,\"avgLatencyMs\":0,\"avgCostPerCall\":0},"
                    + "\"byModel\":[],\"byTime\":[]}"),
            Map.entry(
                "/api/stats/overview",
                "{\"eventsTodayCount\":0,\"eventsYesterdayCount\":0,\"errorsTodayCount\":0,"
                    + "\"errorsYesterdayCount\":0,\"sessionsTodayCount\":0,"
                    + "\"sessionsYesterdayCount\":0,\"totalAgents\":0,\"errorRate\":0}"));
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertThat(ok(server, key, e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
    }
    assertThat(ok(server, key, "/api/stats")).startsWith("{\"totalEvents\":0,\"totalSessions\":0,");
    JsonObject notFound = new JsonObject().put("status", 404);
    assertThat(fails(server, key, "/api/events/01HQZX0000000000000000000A", 404))
        .isEqualTo(notFound.copy().put("error", "Event not found"));
    assertThat(fails(server, key, "/api/sessions/nope", 404))
        .isEqualTo(notFound.copy().put("error", "Session not found"));
    assertThat(fails(server, key, "/api/sessions/nope/timeline", 404))
        .isEqualTo(notFound.copy().put("error", "Session not found"));
    assertThat(fails(server, key, "/api/agents/nope", 404))
        .isEqualTo(notFound.copy().put("error", "Agent not found"));
  }

  /** logLlmCall: llm_call + llm_response with one timestamp, metadata {}, callId a UUID. */
  @Test
  void llmCallRoundTripShowsInEventsTimelineSessionAndLlmAnalytics() throws Exception {
    String key = QueryFixtures.mintKey(server, "llm", "write");
    String ts = Timestamps.format(Instant.now());
    String callId = UUID.randomUUID().toString();
    JsonObject call = event("llm-sess", "llm-agent", "llm_call", ts);
    call.getJsonObject("payload")
        .put("callId", callId)
        .put("provider", "anthropic")
        .put("model", "claude");
    JsonObject response = event("llm-sess", "llm-agent", "llm_response", ts);
    response
        .put("metadata", new JsonObject())
        .getJsonObject("payload")
        .put("callId", callId)
        .put("provider", "anthropic")
        .put("model", "claude")
        .put("costUsd", 0.003)
        .put("latencyMs", 1234)
        .put(
            "usage",
            new JsonObject()
                .put("inputTokens", 1200)
                .put("outputTokens", 300)
                .put("totalTokens", 1500));
    ingest(server, key, call, response);

    JsonArray events =
        okJson(server, key, "/api/events?sessionId=llm-sess&order=asc").getJsonArray("events");
    assertThat(strings(events, "eventType")).containsExactly("llm_call", "llm_response");
    assertThat(events.getJsonObject(1).getJsonObject("payload").getString("callId"))
        .isEqualTo(callId);
    JsonObject timeline = okJson(server, key, "/api/sessions/llm-sess/timeline");
    assertThat(timeline.getBoolean("chainValid")).isTrue();
    assertThat(timeline.getJsonArray("events")).hasSize(2);

    JsonObject llm = okJson(server, key, "/api/analytics/llm");
    assertThat(llm.getJsonObject("summary"))
        .isEqualTo(
            new JsonObject(
                "{\"totalCalls\":1,\"totalCostUsd\":0.003,\"totalInputTokens\":1200,"
                    + "\"totalOutputTokens\":300,\"avgLatencyMs\":1234,\"avgCostPerCall\":0.003}"));
    assertThat(llm.getJsonArray("byModel").getJsonObject(0).getString("model")).isEqualTo("claude");
    assertThat(
            okJson(server, key, "/api/analytics/llm?model=claude&range=1h")
                .getJsonObject("summary")
                .getLong("totalCalls"))
        .isEqualTo(1);
    assertThat(ok(server, key, "/api/analytics/llm")).contains("\"totalCostUsd\":0.003,");
  }

  @Test
  void sessionAggregatesCountLlmResponsesAndCostFromBothSources() throws Exception {
    String key = QueryFixtures.mintKey(server, "agg", "*");
    JsonObject second = event("agg", "agg-agent", "llm_response", "2026-08-01T10:00:03.000Z");
    second
        .getJsonObject("payload")
        .put("costUsd", 0.125)
        .put(
            "usage",
            new JsonObject().put("inputTokens", 7).put("outputTokens", 3).put("totalTokens", 10));
    ingest(
        server,
        key,
        event("agg", "agg-agent", "session_started", "2026-08-01T10:00:00.000Z"),
        event("agg", "agg-agent", "llm_call", "2026-08-01T10:00:01.000Z"),
        event("agg", "agg-agent", "llm_response", "2026-08-01T10:00:02.000Z"),
        second,
        event("agg", "agg-agent", "cost_tracked", "2026-08-01T10:00:04.000Z"),
        event("agg", "agg-agent", "tool_call", "2026-08-01T10:00:05.000Z"));
    JsonObject s = okJson(server, key, "/api/sessions/agg");
    assertThat(s.getLong("eventCount")).isEqualTo(6);
    assertThat(s.getLong("llmCallCount")).isEqualTo(2);
    assertThat(s.getLong("totalInputTokens")).isEqualTo(17);
    assertThat(s.getLong("totalOutputTokens")).isEqualTo(8);
    assertThat(s.getDouble("totalCostUsd")).isEqualTo(0.875); // 0.5 + 0.125 + 0.25
    assertThat(s.getLong("toolCallCount")).isEqualTo(1);
    assertThat(okJson(server, key, "/api/sessions").getJsonArray("sessions").getJsonObject(0))
        .isEqualTo(s);
  }

  @Test
  void pagingWithHasMoreVisitsEveryEventOnce() throws Exception {
    String key = QueryFixtures.mintKey(server, "pages", "*");
    JsonArray batch = new JsonArray();
    for (int i = 0; i < 7; i++) {
      batch.add(event("paged", "pager", "custom", "2026-08-02T10:00:0" + i + ".000Z"));
    }
    JsonArray acked = ingest(server, key, batch);
    List<String> seen = new ArrayList<>();
    List<Boolean> hasMore = new ArrayList<>();
    int offset = 0;
    boolean more = true;
    while (more) {
      JsonObject page = okJson(server, key, "/api/events?sessionId=paged&limit=3&offset=" + offset);
      assertThat(page.getLong("total")).isEqualTo(7);
      seen.addAll(strings(page.getJsonArray("events"), "id"));
      more = page.getBoolean("hasMore");
      hasMore.add(more);
      offset += 3;
    }
    assertThat(hasMore).containsExactly(true, true, false);
    List<String> newestFirst = new ArrayList<>(strings(acked, "id"));
    java.util.Collections.reverse(newestFirst);
    assertThat(seen).containsExactlyElementsOf(newestFirst);
    JsonObject sessions = okJson(server, key, "/api/sessions?limit=1");
    assertThat(sessions.getBoolean("hasMore")).isFalse();
    assertThat(sessions.getLong("total")).isEqualTo(1);
  }
}
