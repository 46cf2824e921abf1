package dev.agentlens.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.api.TestServer;
import dev.agentlens.api.admin.AdminFixtures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI run in-process on a temp data dir (and beside a running server on the same one). */
class CliIT {

  @TempDir Path dir;

  record Result(int exit, String out, String err) {
    JsonObject json() {
      return new JsonObject(out.trim());
    }
  }

  private Result cli(String... args) {
    Properties sys = new Properties();
    sys.setProperty("agentlens.data-dir", dir.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = Cli.run(args, Map.of(), sys, o, e);
    }
    return new Result(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void keysCreateListRevokeRotate() {
    Result created =
        cli("keys", "create", "--name", "ops", "--scopes", "read,write", "--tenant", "t1");
    assertThat(created.exit()).as(created.err()).isZero();
    JsonObject key = created.json();
    assertThat(key.getString("key")).matches("als_[0-9a-f]{64}");
    assertThat(key.getString("name")).isEqualTo("ops");
    assertThat(key.getJsonArray("scopes")).isEqualTo(new JsonArray().add("read").add("write"));
    assertThat(key.getString("tenantId")).isEqualTo("t1");
    assertThat(created.err()).contains("not shown again");

    Result defaults = cli("keys", "create");
    assertThat(defaults.exit()).isZero();
    assertThat(defaults.json().getString("name")).isEqualTo("Unnamed Key");
    assertThat(defaults.json().getJsonArray("scopes")).isEqualTo(new JsonArray().add("*"));
    assertThat(defaults.json().getString("tenantId")).isEqualTo("default");

    Result listed = cli("keys", "list", "--tenant", "t1");
    assertThat(listed.exit()).isZero();
    JsonArray keys = listed.json().getJsonArray("keys");
    assertThat(keys).hasSize(1);
    assertThat(keys.getJsonObject(0).getString("id")).isEqualTo(key.getString("id"));
    assertThat(keys.getJsonObject(0).encode()).doesNotContain(key.getString("key"));
    assertThat(cli("keys", "list").json().getJsonArray("keys")).hasSize(1);

    Result revoked = cli("keys", "revoke", key.getString("id"));
    assertThat(revoked.exit()).as(revoked.err()).isZero();
    assertThat(revoked.json())
        .isEqualTo(new JsonObject().put("id", key.getString("id")).put("revoked", true));
    assertThat(
            cli("keys", "list", "--tenant", "t1")
                .json()
                .getJsonArray("keys")
                .getJsonObject(0)
                .getString("revokedAt"))
        .endsWith("Z");

    Result again = cli("keys", "revoke", key.getString("id"));
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("API key already revoked");
    Result unknown = cli("keys", "revoke", "NOPE");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err()).contains("API key not found");
    Result wrongTenant = cli("keys", "revoke", defaults.json().getString("id"), "--tenant", "t1");
    assertThat(wrongTenant.exit()).isEqualTo(1);

    Result rotated = cli("keys", "rotate", defaults.json().getString("id"));
    assertThat(rotated.exit()).as(rotated.err()).isZero();
    assertThat(rotated.json().getString("rotatedFromId"))
        .isEqualTo(defaults.json().getString("id"));
    assertThat(rotated.json().getString("key")).matches("als_[0-9a-f]{64}");
  }

  @Test
  void usageAndValidationErrorsExitTwo() {
    Result none = cli();
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("keys create").contains("verify");
    assertThat(cli("help").exit()).isZero();

    Result badScopes = cli("keys", "create", "--scopes", "read,");
    assertThat(badScopes.exit()).isEqualTo(2);
    assertThat(badScopes.err()).contains("scopes.1: Too small");
    Result badOption = cli("keys", "list", "--bogus", "1");
    assertThat(badOption.exit()).isEqualTo(2);
    assertThat(badOption.err()).contains("unknown option --bogus").contains("keys list");
    assertThat(cli("keys").exit()).isEqualTo(2);
    assertThat(cli("keys", "explode").exit()).isEqualTo(2);
    assertThat(cli("keys", "revoke").err()).contains("key id is required");
    assertThat(cli("keys", "create", "--name").err()).contains("--name needs a value");
    assertThat(cli("verify", "--session", "s", "--from", "2026-01-01T00:00:00Z").exit())
        .isEqualTo(2);
    assertThat(cli("verify", "--from", "yesterday").exit()).isEqualTo(2);

    Result missingConfig = cli("keys", "list", "--config", dir.resolve("nope.yaml").toString());
    assertThat(missingConfig.exit()).isEqualTo(2);
    assertThat(missingConfig.err()).contains("configuration file not found");
    assertThat(Cli.handles("keys")).isTrue();
    assertThat(Cli.handles("verify")).isTrue();
    assertThat(Cli.handles("--config")).isFalse();
  }

  @Test
  void verifyExitsZeroOnlyWhileEveryChainVerifies() throws Exception {
    JsonArray acked;
    try (TestServer server = TestServer.start(dir, Map.of())) {
      acked = AdminFixtures.ingest(server, server.adminKey(), "cli-s1", 4);
      AdminFixtures.ingest(server, server.adminKey(), "cli-s2", 3);
    }
    Result all = cli("verify");
    assertThat(all.exit()).as(all.err()).isZero();
    JsonObject report = all.json();
    assertThat(report.getBoolean("verified")).isTrue();
    assertThat(report.getValue("range")).isNull();
    assertThat(report.getLong("sessionsVerified")).isEqualTo(2);
    assertThat(report.getLong("totalEvents")).isEqualTo(7);
    assertThat(report.getValue("signature")).isNull();

    Result one = cli("verify", "--session", "cli-s1");
    assertThat(one.exit()).isZero();
    assertThat(one.json().getString("sessionId")).isEqualTo("cli-s1");
    assertThat(one.json().getLong("totalEvents")).isEqualTo(4);

    AdminFixtures.tamper(dir, acked.getJsonObject(2).getString("id"), "{\"x\":1}");
    Result broken = cli("verify");
    assertThat(broken.exit()).isEqualTo(1);
    assertThat(broken.json().getJsonArray("brokenChains"))
        .containsExactly(
            new JsonObject()
                .put("sessionId", "cli-s1")
                .put("seq", 3)
                .put("reason", "hash mismatch"));
    assertThat(cli("verify", "--session", "cli-s2").exit()).isZero();
    assertThat(cli("verify", "--session", "cli-s1").exit()).isEqualTo(1);
    Result window = cli("verify", "--from", "2020-01-01T00:00:00Z", "--to", "2100-01-01T00:00:00Z");
    assertThat(window.exit()).isEqualTo(1);
    assertThat(window.json().getJsonObject("range").getString("from"))
        .isEqualTo("2020-01-01T00:00:00.000Z");
    assertThat(cli("verify", "--tenant", "nobody").exit()).isZero();

    Result missing = cli("verify", "--session", "nope");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("Session not found");
  }

  @Test
  void aRunningServerPicksUpKeysCreatedAndRevokedByTheCli() throws Exception {
    try (TestServer server = TestServer.start(dir, Map.of())) {
      Result created = cli("keys", "create", "--name", "from-cli");
      assertThat(created.exit()).as(created.err()).isZero();
      String raw = created.json().getString("key");
      TestServer.await(
          "the server to accept the CLI's new key",
          Duration.ofSeconds(30),
          () -> status(server, raw) == 200);

      assertThat(cli("keys", "revoke", created.json().getString("id")).exit()).isZero();
      TestServer.await(
          "the server to refuse the key the CLI revoked",
          Duration.ofSeconds(30),
          () -> status(server, raw) == 401);
    }
  }

  private static int status(TestServer server, String key) {
    try {
      return server.send("GET", "/api/stats", null, key).status();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
