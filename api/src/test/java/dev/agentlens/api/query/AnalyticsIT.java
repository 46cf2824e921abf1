package dev.agentlens.api.query;

import static dev.agentlens.api.query.QueryFixtures.event;
import static dev.agentlens.api.query.QueryFixtures.fails;
import static dev.agentlens.api.query.QueryFixtures.ingest;
import static dev.agentlens.api.query.QueryFixtures.ok;
import static dev.agentlens.api.query.QueryFixtures.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.api.TestServer;
import dev.agentlens.engine.model.Timestamps;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/analytics and /costs, /agents, /tools, /llm with exact upstream text (ref §6). */
class AnalyticsIT {

  private static final String WINDOW = "from=2026-05-04T00:00:00Z&to=2026-05-05T23:59:59.999Z";
  private static final JsonObject BAD_GRANULARITY =
      new JsonObject().put("error", "Invalid granularity. Use: hour, day, week").put("status", 400);

  @TempDir static Path dir;
  static TestServer server;
  static String admin;
  static String rangeKey;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(dir, Map.of());
    admin = server.adminKey();
    JsonObject toolError = event("s1", "a1", "tool_error", "2026-05-04T10:20:00.000Z");
    JsonObject fastResponse = event("s2", "a2", "tool_response", "2026-05-04T11:15:00.000Z");
    fastResponse.getJsonObject("payload").put("durationMs", 80);
    JsonObject critical = event("s2", "a2", "custom", "2026-05-04T11:30:00.000Z");
    critical.put("severity", "critical");
    JsonObject smallCost = event("s3", "a1", "cost_tracked", "2026-05-05T09:00:00.000Z");
    smallCost.getJsonObject("payload").put("costUsd", 0.1);
    ingest(
        server,
        admin,
        event("s1", "a1", "tool_call", "2026-05-04T10:05:00.000Z"),
        event("s1", "a1", "tool_response", "2026-05-04T10:10:00.000Z"),
        toolError,
        event("s1", "a1", "cost_tracked", "2026-05-04T10:30:00.000Z"),
        event("s2", "a2", "llm_call", "2026-05-04T11:00:00.000Z"),
        event("s2", "a2", "llm_response", "2026-05-04T11:00:00.000Z"),
        fastResponse,
        critical,
        event("s2", "a2", "session_ended", "2026-05-04T11:45:00.000Z"),
        smallCost);
    rangeKey = QueryFixtures.mintKey(server, "range-tenant", "*");
    Instant now = Instant.now();
    ingest(
        server,
        rangeKey,
        event("r1", "r", "custom", Timestamps.format(now.minus(Duration.ofHours(2)))),
        event("r1", "r", "custom", Timestamps.format(now.minus(Duration.ofHours(10)))));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String get(String path) throws Exception {
    return ok(server, admin, path);
  }

  @Test
  void hourlyBucketsAndTotals() throws Exception {
    assertThat(get("/api/analytics?" + WINDOW))
        .isEqualTo(
            "{\"buckets\":["
                + "{\"timestamp\":\"2026-05-04T10:00:00Z\",\"eventCount\":4,\"toolCallCount\":1,"
                + "\"errorCount\":1,\"avgLatencyMs\":120,\"totalCostUsd\":0.25,\"uniqueSessions\":1},"
                + "{\"timestamp\":\"2026-05-04T11:00:00Z\",\"eventCount\":5,\"toolCallCount\":0,"
                + "\"errorCount\":1,\"avgLatencyMs\":80,\"totalCostUsd\":0,\"uniqueSessions\":1},"
                + "{\"timestamp\":\"2026-05-05T09:00:00Z\",\"eventCount\":1,\"toolCallCount\":0,"
                + "\"errorCount\":0,\"avgLatencyMs\":0,\"totalCostUsd\":0.1,\"uniqueSessions\":1}],"
                + "\"totals\":{\"eventCount\":10,\"toolCallCount\":1,\"errorCount\":2,"
                + "\"avgLatencyMs\":100,\"totalCostUsd\":0.35,\"uniqueSessions\":3,"
                + "\"uniqueAgents\":2}}");
  }

  @Test
  void dayAndIsoWeekBucketsAgentFilterAndInclusiveWindow() throws Exception {
    JsonObject day = okJson(server, admin, "/api/analytics?granularity=day&" + WINDOW);
    assertThat(day.getJsonArray("buckets").getJsonObject(0))
        .isEqualTo(
            new JsonObject(
                "{\"timestamp\":\"2026-05-04T00:00:00Z\",\"eventCount\":9,\"toolCallCount\":1,"
                    + "\"errorCount\":2,\"avgLatencyMs\":100,\"totalCostUsd\":0.25,"
                    + "\"uniqueSessions\":2}"));
    assertThat(day.getJsonArray("buckets")).hasSize(2);
    JsonObject week = okJson(server, admin, "/api/analytics?granularity=week&" + WINDOW);
    assertThat(week.getJsonArray("buckets")).hasSize(1);
    assertThat(week.getJsonArray("buckets").getJsonObject(0).getString("timestamp"))
        .isEqualTo("2026-W19");
    assertThat(week.getJsonArray("buckets").getJsonObject(0).getLong("eventCount")).isEqualTo(10);
    JsonObject a2 = okJson(server, admin, "/api/analytics?agentId=a2&" + WINDOW);
    assertThat(a2.getJsonArray("buckets")).hasSize(1);
    assertThat(a2.getJsonObject("totals").getLong("eventCount")).isEqualTo(5);
    assertThat(a2.getJsonObject("totals").getLong("uniqueAgents")).isEqualTo(1);
    JsonObject edge =
        okJson(server, admin, "/api/analytics?from=2026-05-04T10:05:00Z&to=2026-05-04T10:20:00Z");
    assertThat(edge.getJsonObject("totals").getLong("eventCount")).isEqualTo(3);
  }

  @Test
  void rangeSetsTheStartWhenFromIsAbsent() throws Exception {
    assertThat(total("")).isEqualTo(2);
    assertThat(total("?range=6h")).isEqualTo(1);
    assertThat(total("?range=1h")).isZero();
    assertThat(total("?range=30d")).isEqualTo(2);
    assertThat(total("?range=forever")).isEqualTo(2);
    assertThat(total("?range=1h&from=2026-01-01T00:00:00Z")).isEqualTo(2);
  }

  private static long total(String query) throws Exception {
    return okJson(server, rangeKey, "/api/analytics" + query)
        .getJsonObject("totals")
        .getLong("eventCount");
  }

  @Test
  void invalidGranularityIsTheUpstream400() throws Exception {
    assertThat(fails(server, admin, "/api/analytics?granularity=month", 400))
        .isEqualTo(BAD_GRANULARITY);
    assertThat(fails(server, admin, "/api/analytics/llm?granularity=minute", 400))
        .isEqualTo(BAD_GRANULARITY);
    assertThat(fails(server, admin, "/api/analytics/costs?granularity=year", 400))
        .isEqualTo(BAD_GRANULARITY);
    QueryFixtures.badParameter(server, admin, "/api/analytics?from=soon", "from");
    QueryFixtures.badParameter(server, admin, "/api/analytics/tools?to=later", "to");
  }

  @Test
  void costsFromCostTrackedAndLlmResponse() throws Exception {
    assertThat(get("/api/analytics/costs?" + WINDOW))
        .isEqualTo(
            "{\"byAgent\":["
                + "{\"agentId\":\"a2\",\"totalCostUsd\":0.5,\"totalInputTokens\":10,"
                + "\"totalOutputTokens\":5,\"totalTokens\":15,\"cacheReadTokens\":0,"
                + "\"cacheWriteTokens\":0,\"eventCount\":1},"
                + "{\"agentId\":\"a1\",\"totalCostUsd\":0.35,\"totalInputTokens\":200,"
                + "\"totalOutputTokens\":100,\"totalTokens\":300,\"cacheReadTokens\":0,"
                + "\"cacheWriteTokens\":0,\"eventCount\":2}],"
                + "\"byModel\":[{\"model\":\"gpt-4o\",\"totalCostUsd\":0.85,\"eventCount\":3}],"
                + "\"bySession\":[{\"sessionId\":\"s2\",\"totalCostUsd\":0.5,\"eventCount\":1},"
                + "{\"sessionId\":\"s1\",\"totalCostUsd\":0.25,\"eventCount\":1},"
                + "{\"sessionId\":\"s3\",\"totalCostUsd\":0.1,\"eventCount\":1}],"
                + "\"byTool\":[],"
                + "\"overTime\":[{\"bucket\":\"2026-05-04T00:00:00Z\",\"totalCostUsd\":0.75,"
                + "\"eventCount\":2,\"byAgent\":{\"a1\":0.25,\"a2\":0.5}},"
                + "{\"bucket\":\"2026-05-05T00:00:00Z\",\"totalCostUsd\":0.1,\"eventCount\":1,"
                + "\"byAgent\":{\"a1\":0.1}}],"
                + "\"totals\":{\"totalCostUsd\":0.85,\"totalInputTokens\":210,"
                + "\"totalOutputTokens\":105,\"totalTokens\":315}}");
    JsonObject hourly = okJson(server, admin, "/api/analytics/costs?granularity=hour&" + WINDOW);
    assertThat(hourly.getJsonArray("overTime")).hasSize(3);
  }

  @Test
  void agentsFromSessionsStartedInTheWindow() throws Exception {
    assertThat(get("/api/analytics/agents?" + WINDOW))
        .isEqualTo(
            "{\"agents\":["
                + "{\"agentId\":\"a1\",\"sessionCount\":2,\"totalEvents\":5,\"totalErrors\":1,"
                + "\"errorRate\":0.2,\"totalCostUsd\":0.35,\"avgDurationMs\":0},"
                + "{\"agentId\":\"a2\",\"sessionCount\":1,\"totalEvents\":5,\"totalErrors\":1,"
                + "\"errorRate\":0.2,\"totalCostUsd\":0.5,\"avgDurationMs\":2700000}]}");
  }

  @Test
  void toolsCountCallsResponsesAndErrors() throws Exception {
    assertThat(get("/api/analytics/tools?" + WINDOW))
        .isEqualTo(
            "{\"tools\":["
                + "{\"toolName\":\"search\",\"callCount\":3,\"errorCount\":0,\"errorRate\":0,"
                + "\"avgDurationMs\":100},"
                + "{\"toolName\":\"fetch\",\"callCount\":1,\"errorCount\":1,\"errorRate\":1,"
                + "\"avgDurationMs\":3000}]}");
    assertThat(
            okJson(server, admin, "/api/analytics/tools?agentId=a2&" + WINDOW)
                .getJsonArray("tools"))
        .hasSize(1);
  }

  @Test
  void llmOverLlmResponsesWithFilters() throws Exception {
    String one =
        "{\"summary\":{\"totalCalls\":1,\"totalCostUsd\":0.5,\"totalInputTokens\":10,"
            + "\"totalOutputTokens\":5,\"avgLatencyMs\":800,\"avgCostPerCall\":0.5},"
            + "\"byModel\":[{\"provider\":\"openai\",\"model\":\"gpt-4o\",\"calls\":1,"
            + "\"costUsd\":0.5,\"inputTokens\":10,\"outputTokens\":5,\"avgLatencyMs\":800}],"
            + "\"byTime\":[{\"bucket\":\"2026-05-04T11:00:00Z\",\"calls\":1,\"costUsd\":0.5,"
            + "\"inputTokens\":10,\"outputTokens\":5,\"avgLatencyMs\":800}]}";
    assertThat(get("/api/analytics/llm?" + WINDOW)).isEqualTo(one);
    assertThat(get("/api/analytics/llm?model=gpt-4o&provider=openai&agentId=a2&" + WINDOW))
        .isEqualTo(one);
    String none =
        "{\"summary\":{\"totalCalls\":0,\"totalCostUsd\":0,\"totalInputTokens\":0,"
            + "\"totalOutputTokens\":0,\"avgLatencyMs\":0,\"avgCostPerCall\":0},"
            + "\"byModel\":[],\"byTime\":[]}";
    assertThat(get("/api/analytics/llm?provider=anthropic&" + WINDOW)).isEqualTo(none);
    assertThat(get("/api/analytics/llm?agentId=a1&" + WINDOW)).isEqualTo(none);
    assertThat(
            okJson(server, admin, "/api/analytics/llm?granularity=day&" + WINDOW)
                .getJsonArray("byTime")
                .getJsonObject(0)
                .getString("bucket"))
        .isEqualTo("2026-05-04T00:00:00Z");
  }
}
