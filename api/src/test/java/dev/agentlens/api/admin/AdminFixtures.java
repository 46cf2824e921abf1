package dev.agentlens.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.api.TestServer;
import dev.agentlens.api.WireEvents;
import dev.agentlens.api.auth.ApiKeys;
import dev.agentlens.engine.model.ApiKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Keys, data and assertions shared by the admin route and CLI tests. */
public final class AdminFixtures {
  private AdminFixtures() {}

  /** Copied from V1__schema.sql: the trigger a tamper test drops and puts back. */
  private static final String UPDATE_TRIGGER =
      "CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events\n"
          + "BEGIN\n"
          + "  SELECT RAISE(ABORT, 'events are append-only');\n"
          + "END";

  public static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /**
   * A key of {@code tenant} stored as the keys API would and put in the server's cache. Returns the
   * raw key.
   */
  public static String mintKey(TestServer server, String tenant, String... scopes)
      throws Exception {
    ApiKeys.Minted minted = ApiKeys.mint("fixture", List.of(scopes), tenant, Clock.systemUTC());
    await(server.server().store().keys().insert(minted.key()));
    server.server().keys().put(minted.key());
    return minted.raw();
  }

  /** The stored key with that id (any tenant). */
  public static ApiKey storedKey(TestServer server, String id) throws Exception {
    return await(server.server().store().keys().all()).stream()
        .filter(k -> k.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  /** Posts with {@code ?wait=true}: committed on return; the acked {id, hash} list. */
  public static JsonArray ingest(TestServer server, String key, String session, int events)
      throws Exception {
    JsonArray batch = new JsonArray();
    batch.add(WireEvents.event(session, "agent-" + session, "session_started"));
    for (int i = 1; i < events; i++) {
      batch.add(WireEvents.event(session, "agent-" + session, "custom"));
    }
    TestServer.Response r =
        server.send("POST", "/api/events?wait=true", WireEvents.body(batch), key);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getJsonArray("events");
  }

  /** A request that must answer {@code status}; its JSON body. */
  public static JsonObject expect(
      TestServer server, String method, String path, String body, String key, int status)
      throws Exception {
    TestServer.Response r = server.send(method, path, body, key);
    assertThat(r.status()).as(method + " " + path + " → " + r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
    return r.json();
  }

  /** 400 Validation failed whose details name exactly {@code paths}, in order. */
  public static JsonObject invalid(
      TestServer server, String method, String path, String body, String key, String... paths)
      throws Exception {
    JsonObject r = expect(server, method, path, body, key, 400);
    assertThat(r.getString("error")).isEqualTo("Validation failed");
    assertThat(r.getInteger("status")).isEqualTo(400);
    assertThat(r.getJsonArray("details").stream().map(d -> ((JsonObject) d).getString("path")))
        .as(r.encode())
        .containsExactly(paths);
    return r;
  }

  /** The message of the first detail of a 400 body. */
  public static String firstMessage(JsonObject error) {
    return error.getJsonArray("details").getJsonObject(0).getString("message");
  }

  /** 400 Invalid JSON body. */
  public static void invalidJson(
      TestServer server, String method, String path, String body, String key) throws Exception {
    JsonObject r = expect(server, method, path, body, key, 400);
    assertThat(r).isEqualTo(new JsonObject().put("error", "Invalid JSON body").put("status", 400));
  }

  /**
   * Changes a stored event's payload around the append-only trigger, as an attacker with file
   * access would (SqliteStoreTest does the same on the contract databases).
   */
  public static void tamper(Path dataDir, String eventId, String payload) throws SQLException {
    Path db = dataDir.resolve("agentlens.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout = 5000");
      }
      c.setAutoCommit(false);
      try (Statement s = c.createStatement();
          PreparedStatement ps = c.prepareStatement("UPDATE events SET payload = ? WHERE id = ?")) {
        s.execute("DROP TRIGGER events_append_only_update");
        ps.setString(1, payload);
        ps.setString(2, eventId);
        assertThat(ps.executeUpdate()).isEqualTo(1);
        s.execute(UPDATE_TRIGGER);
      }
      c.commit();
    }
  }
}
