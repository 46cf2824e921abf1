package dev.agentlens.api.admin;

import static dev.agentlens.api.admin.AdminFixtures.expect;
import static dev.agentlens.api.admin.AdminFixtures.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.api.TestServer;
import dev.agentlens.engine.model.Timestamps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/audit/verify (SPEC §3): reports, tamper detection, signature, guards. */
class AuditRoutesIT {

  private static final String VERIFY = "/api/audit/verify";
  private static final String SIGNING_KEY = "audit-signing-secret";

  @TempDir static Path dir;
  static TestServer server;
  static String admin;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(dir, Map.of("audit.signing-key", SIGNING_KEY));
    admin = server.adminKey();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anIntactSessionVerifiesWithASignedReport() throws Exception {
    AdminFixtures.ingest(server, admin, "audit-ok", 5);
    String before = Timestamps.format(Instant.now());
    JsonObject report = expect(server, "GET", VERIFY + "?sessionId=audit-ok", null, admin, 200);
    String after = Timestamps.format(Instant.now());

    assertThat(report.fieldNames())
        .containsExactly(
            "verified",
            "verifiedAt",
            "range",
            "sessionId",
            "sessionsVerified",
            "totalEvents",
            "brokenChains",
            "signature");
    assertThat(report.getString("verifiedAt")).isBetween(before, after);
    assertThat(report.copy().put("verifiedAt", "").put("signature", ""))
        .isEqualTo(
            new JsonObject()
                .put("verified", true)
                .put("verifiedAt", "")
                .putNull("range")
                .put("sessionId", "audit-ok")
                .put("sessionsVerified", 1)
                .put("totalEvents", 5)
                .put("brokenChains", new JsonArray())
                .put("signature", ""));
    assertThat(report.getString("signature")).isEqualTo(expectedSignature(report));
  }

  @Test
  void aTamperedEventIsReportedWithItsSeq() throws Exception {
    JsonArray acked = AdminFixtures.ingest(server, admin, "audit-tampered", 4);
    // Acks are in timestamp order of one session: the second ack is seq 2.
    String victim = acked.getJsonObject(1).getString("id");
    AdminFixtures.tamper(dir, victim, "{\"forged\":true}");

    JsonObject report =
        expect(server, "GET", VERIFY + "?sessionId=audit-tampered", null, admin, 200);
    assertThat(report.getBoolean("verified")).isFalse();
    assertThat(report.getLong("totalEvents")).isEqualTo(4);
    assertThat(report.getJsonArray("brokenChains"))
        .containsExactly(
            new JsonObject()
                .put("sessionId", "audit-tampered")
                .put("seq", 2)
                .put("reason", "hash mismatch"));
    assertThat(report.getString("signature")).isEqualTo(expectedSignature(report));
    JsonObject timeline =
        expect(server, "GET", "/api/sessions/audit-tampered/timeline", null, admin, 200);
    assertThat(timeline.getBoolean("chainValid")).isFalse();
  }

  @Test
  void aWindowVerifiesEverySessionOfTheTenantInIt() throws Exception {
    String tenantKey = AdminFixtures.mintKey(server, "audit-window", "*");
    AdminFixtures.ingest(server, tenantKey, "w-1", 3);
    JsonArray second = AdminFixtures.ingest(server, tenantKey, "w-2", 2);
    AdminFixtures.ingest(server, admin, "w-default", 2);
    String from = "2020-01-01T00:00:00.000Z";
    String to = "2100-01-01T00:00:00.000Z";

    JsonObject report =
        expect(server, "GET", VERIFY + "?from=" + from + "&to=" + to, null, tenantKey, 200);
    assertThat(report.fieldNames()).doesNotContain("sessionId");
    assertThat(report.getJsonObject("range"))
        .isEqualTo(new JsonObject().put("from", from).put("to", to));
    assertThat(report.getBoolean("verified")).isTrue();
    assertThat(report.getLong("sessionsVerified")).isEqualTo(2);
    assertThat(report.getLong("totalEvents")).isEqualTo(5);
    assertThat(report.getString("signature")).isEqualTo(expectedSignature(report));

    AdminFixtures.tamper(dir, second.getJsonObject(1).getString("id"), "{}");
    JsonObject broken =
        expect(server, "GET", VERIFY + "?from=2020-01-01T00:00:00%2B02:00", null, tenantKey, 200);
    assertThat(broken.getJsonObject("range").getString("from"))
        .isEqualTo("2019-12-31T22:00:00.000Z");
    assertThat(broken.getJsonObject("range").getString("to"))
        .as("to defaults to now")
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z")
        .isLessThanOrEqualTo(broken.getString("verifiedAt"));
    assertThat(broken.getBoolean("verified")).isFalse();
    assertThat(broken.getJsonArray("brokenChains"))
        .containsExactly(
            new JsonObject().put("sessionId", "w-2").put("seq", 2).put("reason", "hash mismatch"));

    JsonObject empty =
        expect(
            server,
            "GET",
            VERIFY + "?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z",
            null,
            tenantKey,
            200);
    assertThat(empty.getBoolean("verified")).isTrue();
    assertThat(empty.getLong("sessionsVerified")).isZero();
  }

  @Test
  void unknownAndOtherTenantsSessionsAreNotFound() throws Exception {
    AdminFixtures.ingest(server, admin, "audit-private", 2);
    String other = AdminFixtures.mintKey(server, "audit-other", "audit");
    JsonObject notFound = new JsonObject().put("error", "Session not found").put("status", 404);
    assertThat(expect(server, "GET", VERIFY + "?sessionId=nope", null, admin, 404))
        .isEqualTo(notFound);
    assertThat(expect(server, "GET", VERIFY + "?sessionId=audit-private", null, other, 404))
        .isEqualTo(notFound);
  }

  @Test
  void malformedQueriesNameTheParameter() throws Exception {
    invalid(server, "GET", VERIFY, null, admin, "sessionId");
    invalid(server, "GET", VERIFY + "?to=2026-01-01T00:00:00Z", null, admin, "from");
    invalid(server, "GET", VERIFY + "?from=yesterday", null, admin, "from");
    invalid(
        server,
        "GET",
        VERIFY + "?from=2026-01-01T00:00:00Z&to=2026-13-01T00:00:00Z",
        null,
        admin,
        "to");
    invalid(
        server,
        "GET",
        VERIFY + "?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z",
        null,
        admin,
        "from");
    invalid(
        server, "GET", VERIFY + "?sessionId=s&from=2026-01-01T00:00:00Z", null, admin, "sessionId");
  }

  @Test
  void onlyAuditorsAndAdminsMayVerify() throws Exception {
    String path = VERIFY + "?from=2026-01-01T00:00:00Z";
    String writer = AdminFixtures.mintKey(server, "default", "write");
    String reader = AdminFixtures.mintKey(server, "default", "read");
    String auditor = AdminFixtures.mintKey(server, "default", "audit");

    JsonObject forbidden = expect(server, "GET", path, null, writer, 403);
    assertThat(forbidden.getString("error")).isEqualTo("Insufficient permissions");
    assertThat(forbidden.getString("required")).isEqualTo("auditor");
    assertThat(forbidden.getString("current")).isEqualTo("member");
    assertThat(expect(server, "GET", path, null, reader, 403).getString("current"))
        .isEqualTo("viewer");
    expect(server, "GET", path, null, auditor, 200);
    expect(server, "GET", path, null, admin, 200);
    assertThat(expect(server, "GET", path, null, null, 401).getString("error"))
        .isEqualTo("Authentication required");
  }

  /**
   * Recomputed independently of the server: HMAC-SHA256 over the report minus signature, keys
   * sorted at every level, compact JSON (all values here are strings, integers and booleans).
   */
  static String expectedSignature(JsonObject report) throws Exception {
    JsonObject unsigned = report.copy();
    unsigned.remove("signature");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SIGNING_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String text = new JsonObject(sorted(unsigned.getMap())).encode();
    return "hmac-sha256:"
        + HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> sorted(Map<String, Object> m) {
    Map<String, Object> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, sortedValue(v)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object sortedValue(Object v) {
    if (v instanceof JsonObject o) {
      return sorted(o.getMap());
    }
    if (v instanceof Map<?, ?> m) {
      return sorted((Map<String, Object>) m);
    }
    if (v instanceof JsonArray a) {
      return a.stream().map(AuditRoutesIT::sortedValue).toList();
    }
    if (v instanceof List<?> l) {
      return l.stream().map(AuditRoutesIT::sortedValue).toList();
    }
    return v;
  }
}
