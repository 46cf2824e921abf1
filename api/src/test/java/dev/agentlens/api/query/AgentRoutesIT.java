package dev.agentlens.api.query;

import static dev.agentlens.api.query.QueryFixtures.event;
import static dev.agentlens.api.query.QueryFixtures.fails;
import static dev.agentlens.api.query.QueryFixtures.ingest;
import static dev.agentlens.api.query.QueryFixtures.ok;
import static dev.agentlens.api.query.QueryFixtures.okJson;
import static dev.agentlens.api.query.QueryFixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.api.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/agents and /api/agents/:id (reference §4). */
class AgentRoutesIT {

  @TempDir static Path dir;
  static TestServer server;
  static String admin;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(dir, Map.of());
    admin = server.adminKey();
    JsonObject renamed = event("n-2", "agent-named", "session_started", "2026-04-02T10:00:00.000Z");
    renamed.getJsonObject("payload").put("agentName", "Other Name");
    ingest(
        server,
        admin,
        event("n-1", "agent-named", "session_started", "2026-04-01T10:00:00.000Z"),
        renamed,
        event("p-1", "agent-plain", "tool_call", "2026-04-03T10:00:00.000Z"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void listIsLastSeenFirstWithTrueSessionCounts() throws Exception {
    JsonObject body = okJson(server, admin, "/api/agents");
    assertThat(body.fieldNames()).containsExactly("agents");
    assertThat(strings(body.getJsonArray("agents"), "id"))
        .containsExactly("agent-plain", "agent-named");
    assertThat(body.getJsonArray("agents").getJsonObject(1).getLong("sessionCount")).isEqualTo(2);
  }

  @Test
  void oneAgentNamedByItsFirstEventInTheUpstreamShape() throws Exception {
    assertThat(ok(server, admin, "/api/agents/agent-named"))
        .isEqualTo(
            "{\"id\":\"agent-named\",\"name\":\"Support Bot\",\"firstSeenAt\":"
                + "\"2026-04-01T10:00:00.000Z\",\"lastSeenAt\":\"2026-04-02T10:00:00.000Z\","
                + "\"sessionCount\":2,\"tenantId\":\"default\"}");
    JsonObject plain = okJson(server, admin, "/api/agents/agent-plain");
    assertThat(plain.getString("name")).isEqualTo("agent-plain");
    assertThat(plain.getLong("sessionCount")).isEqualTo(1);
  }

  @Test
  void unknownAgentIs404() throws Exception {
    assertThat(fails(server, admin, "/api/agents/nobody", 404))
        .isEqualTo(new JsonObject().put("error", "Agent not found").put("status", 404));
  }
}
