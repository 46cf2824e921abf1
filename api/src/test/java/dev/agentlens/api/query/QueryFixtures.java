package dev.agentlens.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.api.TestServer;
import dev.agentlens.api.WireEvents;
import dev.agentlens.api.auth.ApiKeys;
import dev.agentlens.engine.model.ApiKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Data and keys for the query route tests, all through the public HTTP API where possible. */
final class QueryFixtures {
  private QueryFixtures() {}

  /** A valid wire event of {@code type} with an explicit timestamp (null: server time). */
  static JsonObject event(String session, String agent, String type, String timestamp) {
    JsonObject e = WireEvents.event(session, agent, type);
    if (timestamp != null) {
      e.put("timestamp", timestamp);
    }
    return e;
  }

  /** Posts with {@code ?wait=true} (committed on return); returns the acked {id, hash} list. */
  static JsonArray ingest(TestServer server, String key, JsonObject... events) throws Exception {
    JsonArray batch = new JsonArray();
    for (JsonObject e : events) {
      batch.add(e);
    }
    return ingest(server, key, batch);
  }

  static JsonArray ingest(TestServer server, String key, JsonArray events) throws Exception {
    TestServer.Response r =
        server.send("POST", "/api/events?wait=true", WireEvents.body(events), key);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().getJsonArray("events");
  }

  /**
   * A new key of {@code tenant} with {@code scopes}: stored like the keys API would, and put in the
   * server's cache so it works at once. Returns the raw key.
   */
  static String mintKey(TestServer server, String tenant, String... scopes) throws Exception {
    ApiKeys.Minted minted = ApiKeys.mint("test", List.of(scopes), tenant, Clock.systemUTC());
    ApiKey key = minted.key();
    await(server.server().store().keys().insert(key));
    server.server().keys().put(key);
    return minted.raw();
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** GET that must answer 200; the body text. */
  static String ok(TestServer server, String key, String path) throws Exception {
    TestServer.Response r = server.send("GET", path, null, key);
    assertThat(r.status()).as(path + " → " + r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
    return r.body();
  }

  static JsonObject okJson(TestServer server, String key, String path) throws Exception {
    return new JsonObject(ok(server, key, path));
  }

  /** A GET that must fail with {@code status}; its JSON body. */
  static JsonObject fails(TestServer server, String key, String path, int status) throws Exception {
    TestServer.Response r = server.send("GET", path, null, key);
    assertThat(r.status()).as(path + " → " + r.body()).isEqualTo(status);
    return r.json();
  }

  /** A 400 naming {@code parameter} in the Validation failed details. */
  static void badParameter(TestServer server, String key, String path, String parameter)
      throws Exception {
    JsonObject body = fails(server, key, path, 400);
    assertThat(body.getString("error")).isEqualTo("Validation failed");
    assertThat(body.getInteger("status")).isEqualTo(400);
    assertThat(body.getJsonArray("details").getJsonObject(0).getString("path"))
        .isEqualTo(parameter);
  }

  /** The string values of {@code field} of every object in {@code array}, in order. */
  static List<String> strings(JsonArray array, String field) {
    return array.stream().map(o -> ((JsonObject) o).getString(field)).toList();
  }
}
