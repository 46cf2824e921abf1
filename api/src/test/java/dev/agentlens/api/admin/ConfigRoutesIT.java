package dev.agentlens.api.admin;

import static dev.agentlens.api.admin.AdminFixtures.await;
import static dev.agentlens.api.admin.AdminFixtures.expect;
import static dev.agentlens.api.admin.AdminFixtures.firstMessage;
import static dev.agentlens.api.admin.AdminFixtures.invalid;
import static dev.agentlens.api.admin.AdminFixtures.invalidJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.api.TestServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** GET/PUT /api/config (reference §11.2, SPEC §7): retentionDays in config_kv. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfigRoutesIT {

  private static final String CONFIG = "/api/config";

  @TempDir static Path dir;
  static TestServer server;
  static String admin;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(dir, Map.of("retention.days", "30"));
    admin = server.adminKey();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject config(int retentionDays) {
    return new JsonObject()
        .put("retentionDays", retentionDays)
        .putNull("agentGateUrl")
        .put("agentGateSecretSet", false)
        .putNull("formBridgeUrl")
        .put("formBridgeSecretSet", false);
  }

  @Test
  @Order(1)
  void withoutAStoredValueTheConfiguredRetentionApplies() throws Exception {
    assertThat(expect(server, "GET", CONFIG, null, admin, 200)).isEqualTo(config(30));
  }

  @Test
  @Order(2)
  void putStoresRetentionDaysInConfigKv() throws Exception {
    JsonObject ok = new JsonObject().put("ok", true);
    assertThat(expect(server, "PUT", CONFIG, "{\"retentionDays\":7}", admin, 200)).isEqualTo(ok);
    assertThat(expect(server, "GET", CONFIG, null, admin, 200)).isEqualTo(config(7));
    assertThat(await(server.server().store().config().get("retentionDays"))).hasValue("7");

    assertThat(expect(server, "PUT", CONFIG, "{}", admin, 200)).isEqualTo(ok);
    assertThat(expect(server, "GET", CONFIG, null, admin, 200)).isEqualTo(config(7));
    assertThat(expect(server, "PUT", CONFIG, "{\"retentionDays\":0}", admin, 200)).isEqualTo(ok);
    assertThat(expect(server, "GET", CONFIG, null, admin, 200)).isEqualTo(config(0));
    assertThat(expect(server, "PUT", CONFIG, "{\"retentionDays\":3650}", admin, 200)).isEqualTo(ok);
    assertThat(expect(server, "GET", CONFIG, null, admin, 200)).isEqualTo(config(3650));
  }

  @Test
  @Order(3)
  void putRefusesBadValuesAndUnknownKeysNamingThem() throws Exception {
    Optional<String> before = await(server.server().store().config().get("retentionDays"));
    assertThat(
            firstMessage(
                invalid(server, "PUT", CONFIG, "{\"retentionDays\":-1}", admin, "retentionDays")))
        .isEqualTo("Too small: expected number to be >=0");
    assertThat(
            firstMessage(
                invalid(server, "PUT", CONFIG, "{\"retentionDays\":3651}", admin, "retentionDays")))
        .isEqualTo("Too big: expected number to be <=3650");
    invalid(server, "PUT", CONFIG, "{\"retentionDays\":1.5}", admin, "retentionDays");
    invalid(server, "PUT", CONFIG, "{\"retentionDays\":\"7\"}", admin, "retentionDays");
    invalid(server, "PUT", CONFIG, "{\"retentionDays\":null}", admin, "retentionDays");
    assertThat(
            firstMessage(invalid(server, "PUT", CONFIG, "{\"retention\":7}", admin, "retention")))
        .isEqualTo("Unrecognized key: \"retention\"");
    invalid(
        server,
        "PUT",
        CONFIG,
        "{\"retentionDays\":5,\"agentGateUrl\":\"https://x\"}",
        admin,
        "agentGateUrl");
    invalid(
        server,
        "PUT",
        CONFIG,
        "{\"formBridgeSecret\":\"s\",\"retentionDays\":-2}",
        admin,
        "formBridgeSecret",
        "retentionDays");
    invalidJson(server, "PUT", CONFIG, "{", admin);
    invalidJson(server, "PUT", CONFIG, "", admin);
    invalid(server, "PUT", CONFIG, "[1]", admin, "");
    assertThat(await(server.server().store().config().get("retentionDays"))).isEqualTo(before);
  }

  @Test
  void readIsForEveryRoleButChangingNeedsAdmin() throws Exception {
    String viewer = AdminFixtures.mintKey(server, "default", "read");
    String member = AdminFixtures.mintKey(server, "default", "write");
    expect(server, "GET", CONFIG, null, viewer, 200);
    JsonObject forbidden = expect(server, "PUT", CONFIG, "{\"retentionDays\":1}", viewer, 403);
    assertThat(forbidden.getString("required")).isEqualTo("admin");
    assertThat(forbidden.getString("current")).isEqualTo("viewer");
    assertThat(
            expect(server, "PUT", CONFIG, "{\"retentionDays\":1}", member, 403)
                .getString("current"))
        .isEqualTo("member");
    assertThat(expect(server, "GET", CONFIG, null, null, 401).getString("error"))
        .isEqualTo("Authentication required");
    expect(server, "PUT", CONFIG, "{\"retentionDays\":1}", null, 401);
  }
}
