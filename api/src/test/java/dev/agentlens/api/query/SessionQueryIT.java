package dev.agentlens.api.query;

import static dev.agentlens.api.query.QueryFixtures.badParameter;
import static dev.agentlens.api.query.QueryFixtures.event;
import static dev.agentlens.api.query.QueryFixtures.ingest;
import static dev.agentlens.api.query.QueryFixtures.ok;
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

/** GET /api/sessions: filters incl. derived idle, tags OR, paging, countOnly (reference §3.3). */
class SessionQueryIT {

  @TempDir static Path dir;
  static TestServer server;
  static String admin;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(dir, Map.of());
    admin = server.adminKey();
    JsonObject doneStart =
        event("sess-done", "agent-1", "session_started", "2026-04-01T09:00:00.000Z");
    doneStart.getJsonObject("payload").put("tags", new JsonArray().add("prod").add("eu"));
    JsonObject errStart =
        event("sess-err", "agent-1", "session_started", "2026-04-02T09:00:00.000Z");
    errStart.getJsonObject("payload").put("tags", new JsonArray().add("staging"));
    JsonObject errEnd = event("sess-err", "agent-1", "session_ended", "2026-04-02T09:30:00.000Z");
    errEnd.getJsonObject("payload").put("reason", "error");
    JsonObject liveStart = event("sess-live", "agent-2", "session_started", null);
    liveStart.getJsonObject("payload").put("tags", new JsonArray().add("beta"));
    ingest(
        server,
        admin,
        doneStart,
        event("sess-done", "agent-1", "cost_tracked", "2026-04-01T09:01:00.000Z"),
        event("sess-done", "agent-1", "llm_call", "2026-04-01T09:02:00.000Z"),
        event("sess-done", "agent-1", "llm_response", "2026-04-01T09:02:00.000Z"),
        event("sess-done", "agent-1", "tool_call", "2026-04-01T09:03:00.000Z"),
        event("sess-done", "agent-1", "session_ended", "2026-04-01T09:05:00.000Z"),
        errStart,
        errEnd,
        event("sess-idle", "agent-2", "session_started", "2026-04-03T09:00:00.000Z"),
        event("sess-idle", "agent-2", "tool_call", "2026-04-03T09:10:00.000Z"),
        liveStart);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject get(String query) throws Exception {
    return okJson(server, admin, "/api/sessions" + query);
  }

  private static java.util.List<String> ids(String query) throws Exception {
    return strings(get(query).getJsonArray("sessions"), "id");
  }

  @Test
  void listNewestStartFirstWithAggregatesFromBothCostSources() throws Exception {
    JsonObject body = get("");
    assertThat(body.fieldNames()).containsExactly("sessions", "total", "hasMore");
    assertThat(body.getLong("total")).isEqualTo(4);
    assertThat(body.getBoolean("hasMore")).isFalse();
    JsonArray sessions = body.getJsonArray("sessions");
    assertThat(strings(sessions, "id"))
        .containsExactly("sess-live", "sess-idle", "sess-err", "sess-done");
    assertThat(strings(sessions, "status")).containsExactly("active", "idle", "error", "completed");
    // The exact upstream text: key order, integers as integers, 0.25 + 0.5 = 0.75.
    String text = ok(server, admin, "/api/sessions?agentId=agent-1&status=completed");
    assertThat(text)
        .isEqualTo(
            "{\"sessions\":[{\"id\":\"sess-done\",\"agentId\":\"agent-1\",\"agentName\":\"Support"
                + " Bot\",\"startedAt\":\"2026-04-01T09:00:00.000Z\",\"endedAt\":"
                + "\"2026-04-01T09:05:00.000Z\",\"status\":\"completed\",\"eventCount\":6,"
                + "\"toolCallCount\":1,\"errorCount\":0,\"totalCostUsd\":0.75,\"llmCallCount\":1,"
                + "\"totalInputTokens\":10,\"totalOutputTokens\":5,\"tags\":[\"prod\",\"eu\"],"
                + "\"tenantId\":\"default\"}],\"total\":1,\"hasMore\":false}");
    JsonObject err = sessions.getJsonObject(2);
    assertThat(err.getString("endedAt")).isEqualTo("2026-04-02T09:30:00.000Z");
    assertThat(err.getInteger("errorCount")).isZero();
    assertThat(ok(server, admin, "/api/sessions?status=error")).contains("\"totalCostUsd\":0,");
    assertThat(sessions.getJsonObject(1).containsKey("endedAt")).isFalse();
  }

  @Test
  void statusFilterDerivesIdleAndOrsTheList() throws Exception {
    assertThat(ids("?status=idle")).containsExactly("sess-idle");
    assertThat(ids("?status=active")).containsExactly("sess-live");
    assertThat(ids("?status=completed,error")).containsExactly("sess-err", "sess-done");
    assertThat(ids("?status=active,idle")).containsExactly("sess-live", "sess-idle");
    assertThat(ids("?status=bogus")).isEmpty();
  }

  @Test
  void agentWindowAndTagFilters() throws Exception {
    assertThat(ids("?agentId=agent-2")).containsExactly("sess-live", "sess-idle");
    assertThat(ids("?from=2026-04-02T00:00:00Z&to=2026-04-03T09:00:00.000Z"))
        .containsExactly("sess-idle", "sess-err");
    assertThat(ids("?tags=eu,beta")).containsExactly("sess-live", "sess-done");
    assertThat(ids("?tags=prod")).containsExactly("sess-idle", "sess-done");
    assertThat(ids("?tags=pro")).isEmpty();
    assertThat(ids("?agentId=agent-1&tags=staging")).containsExactly("sess-err");
  }

  @Test
  void pagesAndCountOnly() throws Exception {
    JsonObject first = get("?limit=2");
    assertThat(strings(first.getJsonArray("sessions"), "id"))
        .containsExactly("sess-live", "sess-idle");
    assertThat(first.getLong("total")).isEqualTo(4);
    assertThat(first.getBoolean("hasMore")).isTrue();
    JsonObject second = get("?limit=2&offset=2");
    assertThat(strings(second.getJsonArray("sessions"), "id"))
        .containsExactly("sess-err", "sess-done");
    assertThat(second.getBoolean("hasMore")).isFalse();
    assertThat(get("?limit=-1").getJsonArray("sessions")).hasSize(1);
    assertThat(get("?limit=0").getJsonArray("sessions")).hasSize(4);
    assertThat(get("?offset=-9").getJsonArray("sessions")).hasSize(4);
    assertThat(ok(server, admin, "/api/sessions?countOnly=true")).isEqualTo("{\"count\":4}");
    assertThat(ok(server, admin, "/api/sessions?countOnly=true&status=idle,completed"))
        .isEqualTo("{\"count\":2}");
    assertThat(get("?countOnly=false").getLong("total")).isEqualTo(4);
  }

  @Test
  void malformedParametersAre400sNamingTheParameter() throws Exception {
    badParameter(server, admin, "/api/sessions?limit=abc", "limit");
    badParameter(server, admin, "/api/sessions?offset=x", "offset");
    badParameter(server, admin, "/api/sessions?from=yesterday", "from");
    badParameter(server, admin, "/api/sessions?to=2026-02-30T00:00:00Z", "to");
    badParameter(server, admin, "/api/sessions?countOnly=yes", "countOnly");
  }
}
