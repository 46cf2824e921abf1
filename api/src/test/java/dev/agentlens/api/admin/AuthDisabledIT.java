package dev.agentlens.api.admin;

import static dev.agentlens.api.admin.AdminFixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.api.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AUTH_DISABLED: every caller is admin of tenant "default"; POST /api/keys honours tenantId. */
class AuthDisabledIT {

  @TempDir static Path dir;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    // No bootstrap key is created with auth off; TestServer reads the file, so give it one.
    Files.writeString(dir.resolve("bootstrap-admin.key"), "unused\n");
    server = TestServer.start(dir, Map.of("auth.enabled", "false"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void keysMayBeMintedForAnyTenant() throws Exception {
    JsonObject created =
        expect(server, "POST", "/api/keys", "{\"tenantId\":\"team-7\",\"name\":\"t7\"}", null, 201);
    assertThat(created.getString("tenantId")).isEqualTo("team-7");
    assertThat(expect(server, "GET", "/api/keys", null, null, 200).getJsonArray("keys")).isEmpty();
    assertThat(AdminFixtures.storedKey(server, created.getString("id")).tenantId())
        .isEqualTo("team-7");
  }

  @Test
  void adminRoutesAnswerWithoutAKey() throws Exception {
    expect(server, "GET", "/api/config", null, null, 200);
    expect(server, "GET", "/api/alerts/rules", null, null, 200);
    JsonObject report =
        expect(server, "GET", "/api/audit/verify?from=2026-01-01T00:00:00Z", null, null, 200);
    assertThat(report.containsKey("signature")).isTrue();
    assertThat(report.getValue("signature")).as("no audit.signing-key: unsigned").isNull();
  }
}
