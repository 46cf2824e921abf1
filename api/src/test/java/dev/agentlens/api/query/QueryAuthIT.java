package dev.agentlens.api.query;

import static dev.agentlens.api.query.QueryFixtures.event;
import static dev.agentlens.api.query.QueryFixtures.ingest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.api.TestServer;
import dev.agentlens.api.WireEvents;
import dev.agentlens.api.auth.ApiKeys;
import dev.agentlens.engine.model.ApiKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Auth on the query routes: 401 without a valid key, read scopes may GET but not write. */
class QueryAuthIT {

  static final List<String> ROUTES =
      List.of(
          "/api/events",
          "/api/events?sessionId=auth-s",
          "/api/sessions",
          "/api/sessions?countOnly=true",
          "/api/agents",
          "/api/agents/auth-agent",
          "/api/analytics",
          "/api/analytics/costs",
          "/api/analytics/agents",
          "/api/analytics/tools",
          "/api/analytics/llm",
          "/api/stats",
          "/api/stats/overview");

  @TempDir static Path dir;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(dir, Map.of());
    ingest(server, server.adminKey(), event("auth-s", "auth-agent", "tool_call", null));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyQueryRouteNeedsAKey() throws Exception {
    for (String route : ROUTES) {
      TestServer.Response r = server.send("GET", route, null, null);
      assertThat(r.status()).as(route).isEqualTo(401);
      JsonObject body = r.json();
      assertThat(body.getString("error")).isEqualTo("Authentication required");
      assertThat(body.getInteger("status")).isEqualTo(401);
      assertThat(body.getString("docs")).isEqualTo("/docs/authentication");
      TestServer.Response bad = server.send("GET", route, null, "als_" + "0".repeat(64));
      assertThat(bad.status()).as(route).isEqualTo(401);
      assertThat(bad.json().getString("error")).isEqualTo("Invalid or revoked API key");
    }
  }

  @Test
  void revokedAndExpiredKeysAre401OnEveryQueryRoute() throws Exception {
    long now = System.currentTimeMillis() / 1000;
    ApiKeys.Minted revoked = ApiKeys.mint("revoked", List.of("read"), "default", Clock.systemUTC());
    ApiKeys.Minted expired = ApiKeys.mint("expired", List.of("read"), "default", Clock.systemUTC());
    ApiKey r = revoked.key();
    ApiKey e = expired.key();
    store(r);
    store(e);
    assertThat(server.send("GET", "/api/events", null, revoked.raw()).status()).isEqualTo(200);
    // Changed in the store first, then in the cache, as the keys API does.
    QueryFixtures.await(server.server().store().keys().revoke("default", r.id(), now));
    server.server().keys().put(withTimes(r, now, null, null));
    QueryFixtures.await(
        server.server().store().keys().markRotated("default", e.id(), now - 60, now - 1));
    server.server().keys().put(withTimes(e, null, now - 60, now - 1));
    for (String route : ROUTES) {
      TestServer.Response rr = server.send("GET", route, null, revoked.raw());
      assertThat(rr.status()).as(route).isEqualTo(401);
      assertThat(rr.json().getString("error")).isEqualTo("Invalid or revoked API key");
      TestServer.Response er = server.send("GET", route, null, expired.raw());
      assertThat(er.status()).as(route).isEqualTo(401);
      assertThat(er.json().getString("error")).isEqualTo("API key expired");
    }
  }

  private static void store(ApiKey key) throws Exception {
    QueryFixtures.await(server.server().store().keys().insert(key));
    server.server().keys().put(key);
  }

  private static ApiKey withTimes(ApiKey k, Long revokedAt, Long rotatedAt, Long expiresAt) {
    return new ApiKey(
        k.id(),
        k.keyHash(),
        k.name(),
        k.scopes(),
        k.tenantId(),
        k.createdAt(),
        null,
        revokedAt,
        rotatedAt,
        expiresAt);
  }

  @Test
  void readAndAuditScopesMayQueryButNotIngest() throws Exception {
    for (List<String> scopes : List.of(List.of("read"), List.of("audit"), List.of("ingest"))) {
      String key = QueryFixtures.mintKey(server, "default", scopes.toArray(String[]::new));
      for (String route : ROUTES) {
        TestServer.Response r = server.send("GET", route, null, key);
        assertThat(r.status()).as(scopes + " " + route + " → " + r.body()).isEqualTo(200);
      }
      assertThat(QueryFixtures.okJson(server, key, "/api/events?sessionId=auth-s").getLong("total"))
          .isEqualTo(1);
      TestServer.Response post =
          server.send(
              "POST",
              "/api/events",
              WireEvents.body(new JsonArray().add(event("auth-s", "auth-agent", "custom", null))),
              key);
      assertThat(post.status()).as(post.body()).isEqualTo(403);
      JsonObject body = post.json();
      assertThat(body.getString("error")).isEqualTo("Insufficient permissions");
      assertThat(body.getString("required")).isEqualTo("member");
      assertThat(body.getString("current"))
          .isEqualTo(scopes.contains("audit") ? "auditor" : "viewer");
      assertThat(body.getInteger("status")).isEqualTo(403);
      assertThat(body.getString("hint")).isNotBlank();
    }
    assertThat(
            QueryFixtures.okJson(server, server.adminKey(), "/api/events?sessionId=auth-s")
                .getLong("total"))
        .as("nothing of the refused posts was stored")
        .isEqualTo(1);
  }

  @Test
  void aWriteKeyMayQueryItsTenant() throws Exception {
    String key = QueryFixtures.mintKey(server, "default", "write");
    for (String route : ROUTES) {
      assertThat(server.send("GET", route, null, key).status()).as(route).isEqualTo(200);
    }
  }
}
