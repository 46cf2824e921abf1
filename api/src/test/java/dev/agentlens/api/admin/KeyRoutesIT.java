package dev.agentlens.api.admin;

import static dev.agentlens.api.admin.AdminFixtures.await;
import static dev.agentlens.api.admin.AdminFixtures.expect;
import static dev.agentlens.api.admin.AdminFixtures.firstMessage;
import static dev.agentlens.api.admin.AdminFixtures.invalid;
import static dev.agentlens.api.admin.AdminFixtures.invalidJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.api.TestServer;
import dev.agentlens.engine.json.EventHasher;
import dev.agentlens.engine.json.UlidGenerator;
import dev.agentlens.engine.model.ApiKey;
import dev.agentlens.engine.model.Timestamps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys API (reference §11.1–§11.2, SPEC §5): shapes, validation, revocation, rotation. */
class KeyRoutesIT {

  private static final String KEYS = "/api/keys";

  @TempDir static Path dir;
  static TestServer server;
  static String admin;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(dir, Map.of());
    admin = server.adminKey();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject create(String body) throws Exception {
    return expect(server, "POST", KEYS, body, admin, 201);
  }

  @Test
  void createWithDefaultsShowsTheRawKeyOnceAndStoresOnlyItsHash() throws Exception {
    long before = Instant.now().getEpochSecond();
    JsonObject created = create("{}");
    long after = Instant.now().getEpochSecond();

    String raw = created.getString("key");
    assertThat(raw).matches("als_[0-9a-f]{64}");
    assertThat(UlidGenerator.isUlid(created.getString("id"))).isTrue();
    long createdAt = Timestamps.parse(created.getString("createdAt")).getEpochSecond();
    assertThat(createdAt).isBetween(before, after);
    assertThat(created)
        .isEqualTo(
            new JsonObject()
                .put("id", created.getString("id"))
                .put("key", raw)
                .put("name", "Unnamed Key")
                .put("scopes", new JsonArray().add("*"))
                .put("tenantId", "default")
                .put("createdAt", Timestamps.format(Instant.ofEpochSecond(createdAt))));
    ApiKey stored = AdminFixtures.storedKey(server, created.getString("id"));
    assertThat(stored.keyHash()).isEqualTo(EventHasher.sha256Hex(raw));
    assertThat(stored.keyHash()).doesNotContain(raw.substring(4));
    // The new key works at once.
    expect(server, "GET", KEYS, null, raw, 200);
    // An empty body stands for {} too.
    assertThat(expect(server, "POST", KEYS, null, admin, 201).getString("name"))
        .isEqualTo("Unnamed Key");
  }

  @Test
  void createKeepsNameAndScopesAndIgnoresTenantIdWithAuthOn() throws Exception {
    JsonObject created =
        create("{\"name\":\"ci\",\"scopes\":[\"read\",\"write\"],\"tenantId\":\"elsewhere\"}");
    assertThat(created.getString("name")).isEqualTo("ci");
    assertThat(created.getJsonArray("scopes")).isEqualTo(new JsonArray().add("read").add("write"));
    assertThat(created.getString("tenantId")).isEqualTo("default");
    // write → member: may ingest but not manage keys.
    JsonObject forbidden = expect(server, "GET", KEYS, null, created.getString("key"), 403);
    assertThat(forbidden.getString("required")).isEqualTo("admin");
    assertThat(forbidden.getString("current")).isEqualTo("member");
  }

  @Test
  void createRefusesEachBrokenField() throws Exception {
    assertThat(firstMessage(invalid(server, "POST", KEYS, "{\"name\":\"\"}", admin, "name")))
        .isEqualTo("Too small: expected string to have >=1 characters");
    invalid(server, "POST", KEYS, "{\"name\":\"" + "k".repeat(256) + "\"}", admin, "name");
    invalid(server, "POST", KEYS, "{\"name\":7}", admin, "name");
    invalid(server, "POST", KEYS, "{\"scopes\":\"*\"}", admin, "scopes");
    invalid(server, "POST", KEYS, "{\"scopes\":[\"\"]}", admin, "scopes.0");
    invalid(server, "POST", KEYS, "{\"scopes\":[\"" + "s".repeat(65) + "\"]}", admin, "scopes.0");
    JsonArray many = new JsonArray();
    for (int i = 0; i < 51; i++) {
      many.add("s" + i);
    }
    assertThat(
            firstMessage(
                invalid(
                    server, "POST", KEYS, "{\"scopes\":" + many.encode() + "}", admin, "scopes")))
        .isEqualTo("Too big: expected array to have <=50 items");
    invalid(server, "POST", KEYS, "{\"tenantId\":\"\"}", admin, "tenantId");
    invalid(server, "POST", KEYS, "{\"name\":null,\"scopes\":[1]}", admin, "name", "scopes.0");
    invalidJson(server, "POST", KEYS, "{\"name\"", admin);
  }

  @Test
  void listShowsTheTenantsKeysWithLastUseAndRevocation() throws Exception {
    JsonObject created = create("{\"name\":\"listed\",\"scopes\":[\"*\"]}");
    String id = created.getString("id");
    long before = Instant.now().getEpochSecond();
    expect(server, "GET", "/api/stats", null, created.getString("key"), 200);
    String other = AdminFixtures.mintKey(server, "tenant-list", "*");

    JsonArray keys = expect(server, "GET", KEYS, null, admin, 200).getJsonArray("keys");
    JsonObject listed = find(keys, id);
    assertThat(listed.fieldNames())
        .containsExactly(
            "id", "name", "scopes", "tenantId", "createdAt", "lastUsedAt", "revokedAt");
    assertThat(listed.getString("name")).isEqualTo("listed");
    assertThat(listed.getString("createdAt")).isEqualTo(created.getString("createdAt"));
    assertThat(Timestamps.parse(listed.getString("lastUsedAt")).getEpochSecond())
        .isGreaterThanOrEqualTo(before);
    assertThat(listed.getValue("revokedAt")).isNull();
    assertThat(keys.stream().map(k -> ((JsonObject) k).getString("tenantId")))
        .containsOnly("default");

    expect(server, "DELETE", KEYS + "/" + id, null, admin, 200);
    JsonObject revoked =
        find(expect(server, "GET", KEYS, null, admin, 200).getJsonArray("keys"), id);
    assertThat(revoked.getString("revokedAt")).endsWith("Z");
    assertThat(expect(server, "GET", KEYS, null, other, 200).getJsonArray("keys")).hasSize(1);
  }

  @Test
  void revocationTakesEffectOnTheNextRequest() throws Exception {
    JsonObject created = create("{\"name\":\"doomed\"}");
    String raw = created.getString("key");
    String path = KEYS + "/" + created.getString("id");
    expect(server, "GET", "/api/stats", null, raw, 200);

    assertThat(expect(server, "DELETE", path, null, admin, 200))
        .isEqualTo(new JsonObject().put("id", created.getString("id")).put("revoked", true));
    JsonObject refused = expect(server, "GET", "/api/stats", null, raw, 401);
    assertThat(refused)
        .isEqualTo(
            new JsonObject()
                .put("error", "Invalid or revoked API key")
                .put("hint", "This API key is no longer valid. Generate a new key at /api/keys.")
                .put("status", 401));
    assertThat(expect(server, "DELETE", path, null, admin, 409))
        .isEqualTo(new JsonObject().put("error", "API key already revoked").put("status", 409));
    assertThat(expect(server, "POST", path + "/rotate", null, admin, 409))
        .isEqualTo(new JsonObject().put("error", "Cannot rotate a revoked key").put("status", 409));
  }

  @Test
  void rotationIssuesALikeKeyAndTheOldOneExpiresAfterTheGrace() throws Exception {
    JsonObject created = create("{\"name\":\"rotating\",\"scopes\":[\"audit\"]}");
    String oldId = created.getString("id");
    String oldRaw = created.getString("key");
    long before = Instant.now().getEpochSecond();
    JsonObject rotated = expect(server, "POST", KEYS + "/" + oldId + "/rotate", null, admin, 201);
    long after = Instant.now().getEpochSecond();

    assertThat(rotated.fieldNames())
        .containsExactly("id", "key", "name", "rotatedFromId", "oldKeyExpiresAt");
    assertThat(rotated.getString("name")).isEqualTo("rotating");
    assertThat(rotated.getString("rotatedFromId")).isEqualTo(oldId);
    assertThat(rotated.getString("key")).matches("als_[0-9a-f]{64}").isNotEqualTo(oldRaw);
    long expires = Timestamps.parse(rotated.getString("oldKeyExpiresAt")).getEpochSecond();
    assertThat(expires).isBetween(before + 86_400, after + 86_400);
    ApiKey fresh = AdminFixtures.storedKey(server, rotated.getString("id"));
    assertThat(fresh.scopes()).containsExactly("audit");
    assertThat(fresh.tenantId()).isEqualTo("default");
    ApiKey old = AdminFixtures.storedKey(server, oldId);
    assertThat(old.expiresAt()).isEqualTo(expires);
    assertThat(old.rotatedAt()).isBetween(before, after);

    // Both work during the grace period (audit role: the audit route).
    String verify = "/api/audit/verify?from=2026-01-01T00:00:00Z";
    expect(server, "GET", verify, null, oldRaw, 200);
    expect(server, "GET", verify, null, rotated.getString("key"), 200);

    // Past the grace: the server clock is the system clock, so move the expiry into the past.
    long past = Instant.now().minus(1, ChronoUnit.MINUTES).getEpochSecond();
    await(server.server().store().keys().markRotated("default", oldId, old.rotatedAt(), past));
    server.server().keys().put(AdminFixtures.storedKey(server, oldId));
    assertThat(expect(server, "GET", verify, null, oldRaw, 401))
        .isEqualTo(
            new JsonObject()
                .put("error", "API key expired")
                .put(
                    "hint",
                    "This API key has been rotated and is no longer valid. Please use the new"
                        + " key.")
                .put("status", 401));
    expect(server, "GET", verify, null, rotated.getString("key"), 200);
    assertThat(expect(server, "POST", KEYS + "/" + oldId + "/rotate", null, admin, 409))
        .isEqualTo(
            new JsonObject().put("error", "Cannot rotate an expired key").put("status", 409));
  }

  @Test
  void rotatingTwiceNeverExtendsTheOldKeysGrace() throws Exception {
    String id = create("{}").getString("id");
    JsonObject first = expect(server, "POST", KEYS + "/" + id + "/rotate", null, admin, 201);
    JsonObject second = expect(server, "POST", KEYS + "/" + id + "/rotate", null, admin, 201);
    assertThat(second.getString("oldKeyExpiresAt")).isEqualTo(first.getString("oldKeyExpiresAt"));
    assertThat(second.getString("id")).isNotEqualTo(first.getString("id"));
  }

  @Test
  void unknownAndOtherTenantsKeysAreNotFound() throws Exception {
    String otherAdmin = AdminFixtures.mintKey(server, "tenant-b", "manage");
    String mine = create("{}").getString("id");
    JsonObject notFound = new JsonObject().put("error", "API key not found").put("status", 404);

    assertThat(expect(server, "DELETE", KEYS + "/NOPE", null, admin, 404)).isEqualTo(notFound);
    assertThat(expect(server, "POST", KEYS + "/NOPE/rotate", null, admin, 404)).isEqualTo(notFound);
    assertThat(expect(server, "DELETE", KEYS + "/" + mine, null, otherAdmin, 404))
        .isEqualTo(notFound);
    assertThat(expect(server, "POST", KEYS + "/" + mine + "/rotate", null, otherAdmin, 404))
        .isEqualTo(notFound);
    assertThat(AdminFixtures.storedKey(server, mine).revokedAt()).isNull();
  }

  @Test
  void everyKeysRouteNeedsAnAdminKey() throws Exception {
    String viewer = AdminFixtures.mintKey(server, "default", "read");
    String auditor = AdminFixtures.mintKey(server, "default", "audit");
    String id = create("{}").getString("id");
    String[][] routes = {
      {"POST", KEYS, "{}"},
      {"GET", KEYS, null},
      {"DELETE", KEYS + "/" + id, null},
      {"POST", KEYS + "/" + id + "/rotate", null}
    };
    for (String[] r : routes) {
      JsonObject missing = expect(server, r[0], r[1], r[2], null, 401);
      assertThat(missing)
          .isEqualTo(
              new JsonObject()
                  .put("error", "Authentication required")
                  .put(
                      "hint",
                      "Provide an API key via 'Authorization: Bearer als_...' header, or log in"
                          + " via /auth/login")
                  .put("docs", "/docs/authentication")
                  .put("status", 401));
      expect(server, r[0], r[1], r[2], "als_bogus", 401);
      JsonObject forbidden = expect(server, r[0], r[1], r[2], viewer, 403);
      assertThat(forbidden.getString("error")).isEqualTo("Insufficient permissions");
      assertThat(forbidden.getString("required")).isEqualTo("admin");
      assertThat(forbidden.getString("current")).isEqualTo("viewer");
      assertThat(expect(server, r[0], r[1], r[2], auditor, 403).getString("current"))
          .isEqualTo("auditor");
    }
    assertThat(AdminFixtures.storedKey(server, id).revokedAt()).isNull();
  }

  private static JsonObject find(JsonArray keys, String id) {
    return keys.stream()
        .map(k -> (JsonObject) k)
        .filter(k -> k.getString("id").equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no key " + id + " in " + keys.encode()));
  }
}
