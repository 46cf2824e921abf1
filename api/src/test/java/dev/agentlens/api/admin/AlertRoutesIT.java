package dev.agentlens.api.admin;

import static dev.agentlens.api.admin.AdminFixtures.await;
import static dev.agentlens.api.admin.AdminFixtures.expect;
import static dev.agentlens.api.admin.AdminFixtures.firstMessage;
import static dev.agentlens.api.admin.AdminFixtures.invalid;
import static dev.agentlens.api.admin.AdminFixtures.invalidJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.api.TestServer;
import dev.agentlens.engine.json.UlidGenerator;
import dev.agentlens.engine.model.AlertHistory;
import dev.agentlens.engine.model.Timestamps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alert rules CRUD, validation and history over HTTP (reference §7, §11.2; SPEC §6). */
class AlertRoutesIT {

  private static final String RULES = "/api/alerts/rules";
  private static final String MINIMAL =
      "{\"name\":\"High errors\",\"condition\":\"error_rate_exceeds\",\"threshold\":0.5,"
          + "\"windowMinutes\":60}";

  @TempDir static Path dir;
  static TestServer server;
  static String admin;
  static String otherTenant;
  static String viewer;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(dir, Map.of());
    admin = server.adminKey();
    otherTenant = AdminFixtures.mintKey(server, "tenant-b", "*");
    viewer = AdminFixtures.mintKey(server, "default", "read");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject create(String body) throws Exception {
    return expect(server, "POST", RULES, body, admin, 201);
  }

  @Test
  void createAppliesDefaultsAndReturnsTheFullRule() throws Exception {
    String before = Timestamps.format(Instant.now());
    JsonObject rule = create(MINIMAL);
    String after = Timestamps.format(Instant.now());

    assertThat(UlidGenerator.isUlid(rule.getString("id"))).isTrue();
    assertThat(rule.getString("createdAt")).isBetween(before, after);
    assertThat(rule.getString("updatedAt")).isEqualTo(rule.getString("createdAt"));
    assertThat(rule)
        .isEqualTo(
            new JsonObject()
                .put("id", rule.getString("id"))
                .put("name", "High errors")
                .put("enabled", true)
                .put("condition", "error_rate_exceeds")
                .put("threshold", 0.5)
                .put("windowMinutes", 60)
                .put("scope", new JsonObject())
                .put("notifyChannels", new JsonArray())
                .put("createdAt", rule.getString("createdAt"))
                .put("updatedAt", rule.getString("createdAt"))
                .put("tenantId", "default"));
    assertThat(expect(server, "GET", RULES + "/" + rule.getString("id"), null, admin, 200))
        .isEqualTo(rule);
  }

  @Test
  void createKeepsEveryFieldAndStripsUnknownScopeKeys() throws Exception {
    JsonObject rule =
        create(
            "{\"name\":\"Spend\",\"enabled\":false,\"condition\":\"cost_exceeds\","
                + "\"threshold\":12,\"windowMinutes\":43200,"
                + "\"scope\":{\"agentId\":\"bot\",\"tags\":[\"prod\",\"eu\"],\"team\":\"x\"},"
                + "\"notifyChannels\":[\"https://hooks.example/a\"],\"extra\":1}");

    assertThat(rule.getString("name")).isEqualTo("Spend");
    assertThat(rule.getBoolean("enabled")).isFalse();
    assertThat(rule.getString("condition")).isEqualTo("cost_exceeds");
    assertThat(rule.getValue("threshold")).isEqualTo(12);
    assertThat(rule.getInteger("windowMinutes")).isEqualTo(43200);
    assertThat(rule.getJsonObject("scope"))
        .isEqualTo(
            new JsonObject()
                .put("agentId", "bot")
                .put("tags", new JsonArray().add("prod").add("eu")));
    assertThat(rule.getJsonArray("notifyChannels"))
        .isEqualTo(new JsonArray().add("https://hooks.example/a"));
    assertThat(rule.containsKey("extra")).isFalse();
    assertThat(expect(server, "GET", RULES + "/" + rule.getString("id"), null, admin, 200))
        .isEqualTo(rule);
  }

  @Test
  void listReturnsTheTenantsRulesOnly() throws Exception {
    JsonObject mine = create(MINIMAL);
    JsonObject theirs = expect(server, "POST", RULES, MINIMAL, otherTenant, 201);
    assertThat(theirs.getString("tenantId")).isEqualTo("tenant-b");

    JsonArray rules = expect(server, "GET", RULES, null, admin, 200).getJsonArray("rules");
    assertThat(rules).contains(mine);
    assertThat(rules.stream().map(r -> ((JsonObject) r).getString("tenantId")))
        .containsOnly("default");
    JsonArray other = expect(server, "GET", RULES, null, otherTenant, 200).getJsonArray("rules");
    assertThat(other).containsExactly(theirs);
  }

  @Test
  void anotherTenantsRuleIsNotFound() throws Exception {
    String path = RULES + "/" + create(MINIMAL).getString("id");
    JsonObject notFound = new JsonObject().put("error", "Alert rule not found").put("status", 404);

    assertThat(expect(server, "GET", path, null, otherTenant, 404)).isEqualTo(notFound);
    assertThat(expect(server, "PUT", path, "{\"threshold\":1}", otherTenant, 404))
        .isEqualTo(notFound);
    assertThat(expect(server, "DELETE", path, null, otherTenant, 404)).isEqualTo(notFound);
    assertThat(expect(server, "GET", path, null, admin, 200).getValue("threshold")).isEqualTo(0.5);
  }

  @Test
  void updateIsPartialAndSetsUpdatedAt() throws Exception {
    JsonObject rule = create(MINIMAL);
    String path = RULES + "/" + rule.getString("id");
    String before = Timestamps.format(Instant.now());
    JsonObject updated =
        expect(
            server,
            "PUT",
            path,
            "{\"threshold\":2.25,\"enabled\":false,\"scope\":{\"tags\":[\"a\"]}}",
            admin,
            200);
    String after = Timestamps.format(Instant.now());

    assertThat(updated.getString("updatedAt")).isBetween(before, after);
    JsonObject expected =
        rule.copy()
            .put("threshold", 2.25)
            .put("enabled", false)
            .put("scope", new JsonObject().put("tags", new JsonArray().add("a")))
            .put("updatedAt", updated.getString("updatedAt"));
    assertThat(updated).isEqualTo(expected);
    assertThat(expect(server, "GET", path, null, admin, 200)).isEqualTo(expected);

    JsonObject touched = expect(server, "PUT", path, "{}", admin, 200);
    assertThat(touched.copy().put("updatedAt", "")).isEqualTo(expected.copy().put("updatedAt", ""));
  }

  @Test
  void deleteAnswersDeletedAndThenNotFound() throws Exception {
    String id = create(MINIMAL).getString("id");
    String path = RULES + "/" + id;

    assertThat(expect(server, "DELETE", path, null, admin, 200))
        .isEqualTo(new JsonObject().put("id", id).put("deleted", true));
    JsonObject notFound = new JsonObject().put("error", "Alert rule not found").put("status", 404);
    assertThat(expect(server, "GET", path, null, admin, 404)).isEqualTo(notFound);
    assertThat(expect(server, "DELETE", path, null, admin, 404)).isEqualTo(notFound);
    assertThat(expect(server, "PUT", path, "{}", admin, 404)).isEqualTo(notFound);
  }

  @Test
  void historyIsPagedNewestFirstAndSurvivesTheRulesDeletion() throws Exception {
    String ruleId = create(MINIMAL).getString("id");
    AlertHistory open =
        new AlertHistory(
            "H3", ruleId, "2026-01-03T00:00:00.000Z", null, 0.75, 0.5, "Error rate", "default");
    await(
        server
            .server()
            .store()
            .alerts()
            .insertHistory(
                new AlertHistory(
                    "H1",
                    ruleId,
                    "2026-01-01T00:00:00.000Z",
                    "2026-01-01T01:00:00.000Z",
                    1,
                    0.5,
                    "first",
                    "default")));
    await(
        server
            .server()
            .store()
            .alerts()
            .insertHistory(
                new AlertHistory(
                    "H2", ruleId, "2026-01-02T00:00:00.000Z", null, 2, 0.5, "second", "default")));
    await(server.server().store().alerts().insertHistory(open));
    expect(server, "DELETE", RULES + "/" + ruleId, null, admin, 200);

    JsonObject page =
        expect(
            server, "GET", "/api/alerts/history?ruleId=" + ruleId + "&limit=2", null, admin, 200);
    assertThat(page.getLong("total")).isEqualTo(3);
    assertThat(page.getBoolean("hasMore")).isTrue();
    assertThat(page.getJsonArray("entries"))
        .containsExactly(
            new JsonObject()
                .put("id", "H3")
                .put("ruleId", ruleId)
                .put("triggeredAt", "2026-01-03T00:00:00.000Z")
                .put("currentValue", 0.75)
                .put("threshold", 0.5)
                .put("message", "Error rate")
                .put("tenantId", "default"),
            new JsonObject()
                .put("id", "H2")
                .put("ruleId", ruleId)
                .put("triggeredAt", "2026-01-02T00:00:00.000Z")
                .put("currentValue", 2)
                .put("threshold", 0.5)
                .put("message", "second")
                .put("tenantId", "default"));

    JsonObject last =
        expect(
            server,
            "GET",
            "/api/alerts/history?ruleId=" + ruleId + "&limit=2&offset=2",
            null,
            admin,
            200);
    assertThat(last.getBoolean("hasMore")).isFalse();
    assertThat(last.getJsonArray("entries")).hasSize(1);
    assertThat(last.getJsonArray("entries").getJsonObject(0).getString("resolvedAt"))
        .isEqualTo("2026-01-01T01:00:00.000Z");

    JsonObject theirs =
        expect(server, "GET", "/api/alerts/history?ruleId=" + ruleId, null, otherTenant, 200);
    assertThat(theirs)
        .isEqualTo(
            new JsonObject().put("entries", new JsonArray()).put("total", 0).put("hasMore", false));
  }

  @Test
  void historyRefusesMalformedPaging() throws Exception {
    invalid(server, "GET", "/api/alerts/history?limit=ten", null, admin, "limit");
    invalid(server, "GET", "/api/alerts/history?offset=x", null, admin, "offset");
  }

  @Test
  void createNamesEveryMissingField() throws Exception {
    JsonObject r =
        invalid(
            server, "POST", RULES, "{}", admin, "name", "condition", "threshold", "windowMinutes");
    assertThat(firstMessage(r)).isEqualTo("Invalid input: expected string, received undefined");
  }

  @Test
  void createRefusesEachBrokenField() throws Exception {
    assertThat(firstMessage(invalid(server, "POST", RULES, with("name", "\"\""), admin, "name")))
        .isEqualTo("Too small: expected string to have >=1 characters");
    assertThat(
            firstMessage(
                invalid(
                    server,
                    "POST",
                    RULES,
                    with("name", "\"" + "n".repeat(201) + "\""),
                    admin,
                    "name")))
        .isEqualTo("Too big: expected string to have <=200 characters");
    invalid(server, "POST", RULES, with("enabled", "\"yes\""), admin, "enabled");
    assertThat(
            firstMessage(
                invalid(server, "POST", RULES, with("condition", "\"bogus\""), admin, "condition")))
        .isEqualTo(
            "Invalid option: expected one of \"error_rate_exceeds\"|\"cost_exceeds\""
                + "|\"latency_exceeds\"|\"event_count_exceeds\"|\"no_events_for\"");
    assertThat(
            firstMessage(
                invalid(server, "POST", RULES, with("threshold", "-1"), admin, "threshold")))
        .isEqualTo("Too small: expected number to be >=0");
    invalid(server, "POST", RULES, with("threshold", "\"5\""), admin, "threshold");
    assertThat(
            firstMessage(
                invalid(server, "POST", RULES, with("windowMinutes", "0"), admin, "windowMinutes")))
        .isEqualTo("Too small: expected number to be >=1");
    assertThat(
            firstMessage(
                invalid(
                    server, "POST", RULES, with("windowMinutes", "43201"), admin, "windowMinutes")))
        .isEqualTo("Too big: expected number to be <=43200");
    assertThat(
            firstMessage(
                invalid(
                    server, "POST", RULES, with("windowMinutes", "1.5"), admin, "windowMinutes")))
        .isEqualTo("Invalid input: expected int, received number");
    invalid(server, "POST", RULES, with("scope", "\"all\""), admin, "scope");
    invalid(server, "POST", RULES, with("scope", "{\"agentId\":5}"), admin, "scope.agentId");
    invalid(server, "POST", RULES, with("scope", "{\"tags\":[\"a\",1]}"), admin, "scope.tags.1");
    invalid(server, "POST", RULES, with("notifyChannels", "\"x\""), admin, "notifyChannels");
    invalid(server, "POST", RULES, with("notifyChannels", "[null]"), admin, "notifyChannels.0");
    assertThat(expect(server, "GET", RULES, null, admin, 200).getJsonArray("rules").stream())
        .noneMatch(r -> ((JsonObject) r).getString("name").startsWith("n".repeat(201)));
  }

  @Test
  void updateRefusesBrokenFieldsAndKeepsTheRule() throws Exception {
    JsonObject rule = create(MINIMAL);
    String path = RULES + "/" + rule.getString("id");
    invalid(
        server, "PUT", path, "{\"windowMinutes\":0,\"name\":\"\"}", admin, "name", "windowMinutes");
    invalid(server, "PUT", path, "{\"condition\":null}", admin, "condition");
    invalidJson(server, "PUT", path, "{nope", admin);
    assertThat(expect(server, "GET", path, null, admin, 200)).isEqualTo(rule);
  }

  @Test
  void malformedBodiesAreInvalidJson() throws Exception {
    invalidJson(server, "POST", RULES, "{\"name\":", admin);
    invalidJson(server, "POST", RULES, "null", admin);
    invalidJson(server, "POST", RULES, "", admin);
    JsonObject array = invalid(server, "POST", RULES, "[]", admin, "");
    assertThat(firstMessage(array)).isEqualTo("Invalid input: expected object, received array");
  }

  @Test
  void authAndRoleGuards() throws Exception {
    JsonObject missing = expect(server, "GET", RULES, null, null, 401);
    assertThat(missing.getString("error")).isEqualTo("Authentication required");
    assertThat(expect(server, "GET", RULES, null, "als_" + "0".repeat(64), 401).getString("error"))
        .isEqualTo("Invalid or revoked API key");
    expect(server, "GET", RULES, null, viewer, 200);
    JsonObject forbidden = expect(server, "POST", RULES, MINIMAL, viewer, 403);
    assertThat(forbidden.getString("error")).isEqualTo("Insufficient permissions");
    assertThat(forbidden.getString("required")).isEqualTo("member");
    assertThat(forbidden.getString("current")).isEqualTo("viewer");
    String member = AdminFixtures.mintKey(server, "default", "write");
    expect(server, "POST", RULES, MINIMAL, member, 201);
  }

  /** The minimal valid body with one field replaced by raw JSON text. */
  private static String with(String field, String rawJson) {
    JsonObject body = new JsonObject(MINIMAL);
    body.put(field, "__RAW__");
    return body.encode().replace("\"__RAW__\"", rawJson);
  }
}
