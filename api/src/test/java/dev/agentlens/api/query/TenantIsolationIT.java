package dev.agentlens.api.query;

import static dev.agentlens.api.query.QueryFixtures.event;
import static dev.agentlens.api.query.QueryFixtures.fails;
import static dev.agentlens.api.query.QueryFixtures.ingest;
import static dev.agentlens.api.query.QueryFixtures.ok;
import static dev.agentlens.api.query.QueryFixtures.okJson;
import static dev.agentlens.api.query.QueryFixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.api.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two tenants holding the same session and agent ids: every read route, called with one tenant's
 * key, answers only that tenant's data, or 404 for the other's objects (SPEC §5).
 */
class TenantIsolationIT {

  private static final String WINDOW = "from=2026-07-01T00:00:00Z&to=2026-07-03T00:00:00Z";

  /** What each tenant holds; markers are strings that occur only in that tenant's data. */
  record Tenant(
      String name,
      String key,
      JsonArray acked,
      long events,
      long sessions,
      long sharedSessionEvents,
      long sharedAgentSessions,
      long llmCalls,
      double cost,
      List<String> markers) {}

  @TempDir static Path dir;
  static TestServer server;
  static Tenant a;
  static Tenant b;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(dir, Map.of());
    JsonObject aStart =
        event("shared-sess", "shared-agent", "session_started", "2026-07-01T10:00:00.000Z");
    aStart
        .getJsonObject("payload")
        .put("agentName", "Alpha Agent")
        .put("tags", new JsonArray().add("alpha-tag"));
    JsonObject aTool =
        event("shared-sess", "shared-agent", "tool_call", "2026-07-01T10:01:00.000Z");
    aTool.getJsonObject("payload").put("toolName", "alpha_tool");
    JsonArray aAcked =
        ingest(
            server,
            server.adminKey(),
            aStart,
            aTool,
            event("shared-sess", "shared-agent", "cost_tracked", "2026-07-01T10:02:00.000Z"),
            event("only-alpha", "shared-agent", "custom", "2026-07-01T11:00:00.000Z"));
    a =
        new Tenant(
            "default",
            server.adminKey(),
            aAcked,
            4,
            2,
            3,
            2,
            0,
            0.25,
            List.of("alpha-tag", "Alpha Agent", "alpha_tool", "only-alpha"));

    String bKey = QueryFixtures.mintKey(server, "tenant-b", "*");
    JsonObject bStart =
        event("shared-sess", "shared-agent", "session_started", "2026-07-02T10:00:00.000Z");
    bStart
        .getJsonObject("payload")
        .put("agentName", "Beta Agent")
        .put("tags", new JsonArray().add("beta-tag"));
    JsonObject bResponse =
        event("shared-sess", "shared-agent", "llm_response", "2026-07-02T10:01:00.000Z");
    bResponse.getJsonObject("payload").put("model", "beta-model");
    JsonObject bTool = event("only-beta", "beta-agent", "tool_error", "2026-07-02T11:00:00.000Z");
    bTool.getJsonObject("payload").put("toolName", "beta_tool");
    JsonArray bAcked = ingest(server, bKey, bStart, bResponse, bTool);
    b =
        new Tenant(
            "tenant-b",
            bKey,
            bAcked,
            3,
            2,
            2,
            1,
            1,
            0.5,
            List.of(
                "beta-tag",
                "Beta Agent",
                "beta-model",
                "beta_tool",
                "only-beta",
                "beta-agent",
                "tenant-b"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static final List<String> LIST_ROUTES =
      List.of(
          "/api/events",
          "/api/events?sessionId=shared-sess",
          "/api/events?agentId=shared-agent&search=agent",
          "/api/sessions",
          "/api/sessions?agentId=shared-agent",
          "/api/sessions?countOnly=true",
          "/api/sessions/shared-sess",
          "/api/sessions/shared-sess/timeline",
          "/api/agents",
          "/api/agents/shared-agent",
          "/api/analytics?" + WINDOW,
          "/api/analytics/costs?" + WINDOW,
          "/api/analytics/agents?" + WINDOW,
          "/api/analytics/tools?" + WINDOW,
          "/api/analytics/llm?" + WINDOW,
          "/api/stats",
          "/api/stats/overview?" + WINDOW);

  @Test
  void noResponseCarriesTheOtherTenantsData() throws Exception {
    for (Tenant[] pair : new Tenant[][] {{a, b}, {b, a}}) {
      Tenant me = pair[0];
      Tenant other = pair[1];
      for (String route : LIST_ROUTES) {
        String body = ok(server, me.key(), route);
        for (String marker : other.markers()) {
          assertThat(body).as(me.name() + " " + route).doesNotContain(marker);
        }
        for (Object acked : other.acked()) {
          JsonObject e = (JsonObject) acked;
          assertThat(body).as(me.name() + " " + route).doesNotContain(e.getString("id"));
          assertThat(body).as(me.name() + " " + route).doesNotContain(e.getString("hash"));
        }
      }
    }
  }

  @Test
  void countsAndAggregatesAreTheTenantsOwn() throws Exception {
    for (Tenant me : List.of(a, b)) {
      String k = me.key();
      JsonObject events = okJson(server, k, "/api/events");
      assertThat(events.getLong("total")).isEqualTo(me.events());
      assertThat(strings(events.getJsonArray("events"), "tenantId")).containsOnly(me.name());
      assertThat(okJson(server, k, "/api/events?sessionId=shared-sess").getLong("total"))
          .isEqualTo(me.sharedSessionEvents());
      assertThat(okJson(server, k, "/api/sessions").getLong("total")).isEqualTo(me.sessions());
      JsonObject session = okJson(server, k, "/api/sessions/shared-sess");
      assertThat(session.getString("tenantId")).isEqualTo(me.name());
      assertThat(session.getLong("eventCount")).isEqualTo(me.sharedSessionEvents());
      assertThat(session.getDouble("totalCostUsd")).isEqualTo(me.cost());
      assertThat(session.getLong("llmCallCount")).isEqualTo(me.llmCalls());
      JsonObject timeline = okJson(server, k, "/api/sessions/shared-sess/timeline");
      assertThat(timeline.getJsonArray("events")).hasSize((int) me.sharedSessionEvents());
      assertThat(timeline.getBoolean("chainValid")).isTrue();
      JsonObject agent = okJson(server, k, "/api/agents/shared-agent");
      assertThat(agent.getLong("sessionCount")).isEqualTo(me.sharedAgentSessions());
      assertThat(agent.getString("tenantId")).isEqualTo(me.name());
      assertThat(
              okJson(server, k, "/api/analytics?" + WINDOW)
                  .getJsonObject("totals")
                  .getLong("eventCount"))
          .isEqualTo(me.events());
      assertThat(
              okJson(server, k, "/api/analytics/llm?" + WINDOW)
                  .getJsonObject("summary")
                  .getLong("totalCalls"))
          .isEqualTo(me.llmCalls());
      assertThat(
              okJson(server, k, "/api/analytics/costs?" + WINDOW)
                  .getJsonObject("totals")
                  .getDouble("totalCostUsd"))
          .isEqualTo(me.cost());
      JsonObject stats = okJson(server, k, "/api/stats");
      assertThat(stats.getLong("totalEvents")).isEqualTo(me.events());
      assertThat(stats.getLong("totalSessions")).isEqualTo(me.sessions());
      JsonObject overview = okJson(server, k, "/api/stats/overview?" + WINDOW);
      assertThat(overview.getLong("eventsTodayCount")).isEqualTo(me.events());
    }
  }

  @Test
  void theOtherTenantsObjectsAre404() throws Exception {
    for (Tenant[] pair : new Tenant[][] {{a, b}, {b, a}}) {
      Tenant me = pair[0];
      Tenant other = pair[1];
      for (Object acked : other.acked()) {
        String id = ((JsonObject) acked).getString("id");
        assertThat(fails(server, me.key(), "/api/events/" + id, 404).getString("error"))
            .isEqualTo("Event not found");
      }
      for (Object acked : me.acked()) {
        String id = ((JsonObject) acked).getString("id");
        assertThat(okJson(server, me.key(), "/api/events/" + id).getString("tenantId"))
            .isEqualTo(me.name());
      }
    }
    for (String path : List.of("/api/sessions/only-beta", "/api/sessions/only-beta/timeline")) {
      assertThat(fails(server, a.key(), path, 404).getString("error"))
          .isEqualTo("Session not found");
    }
    for (String path : List.of("/api/sessions/only-alpha", "/api/sessions/only-alpha/timeline")) {
      assertThat(fails(server, b.key(), path, 404).getString("error"))
          .isEqualTo("Session not found");
    }
    assertThat(fails(server, a.key(), "/api/agents/beta-agent", 404).getString("error"))
        .isEqualTo("Agent not found");
    assertThat(okJson(server, b.key(), "/api/agents/beta-agent").getString("tenantId"))
        .isEqualTo("tenant-b");
  }
}
