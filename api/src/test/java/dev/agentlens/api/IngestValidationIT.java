package dev.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every rejected POST /api/events over real HTTP: the status, the error body naming the field, and
 * that nothing of the request reached the journal or the database.
 */
class IngestValidationIT {

  /** Keys of the WireEvents payloads that reference §1.3 lists as optional. */
  private static final Set<String> OPTIONAL =
      Set.of("agentName", "tags", "summary", "topK", "durationMs:chain_step");

  @TempDir static Path dir;
  static TestServer server;
  private long appendedBefore;
  private long storedBefore;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(dir, Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void snapshot() throws Exception {
    appendedBefore = server.server().metrics().appendedRequests();
    storedBefore = server.storedEvents();
  }

  @AfterEach
  void nothingKept() throws Exception {
    assertThat(server.server().metrics().appendedRequests()).isEqualTo(appendedBefore);
    assertThat(server.storedEvents()).isEqualTo(storedBefore);
  }

  static Stream<Arguments> requiredFields() {
    List<Arguments> out = new ArrayList<>();
    WireEvents.PAYLOADS.forEach(
        (type, payload) -> {
          for (String field : payload.fieldNames()) {
            if (!OPTIONAL.contains(field) && !OPTIONAL.contains(field + ":" + type)) {
              out.add(Arguments.of(type, field));
            }
          }
        });
    return out.stream();
  }

  @ParameterizedTest(name = "{0} without {1}")
  @MethodSource("requiredFields")
  void missingRequiredPayloadField(String type, String field) throws Exception {
    JsonObject good = WireEvents.event("v-s", "v-a", "custom");
    JsonObject bad = WireEvents.event("v-s", "v-a", type);
    bad.getJsonObject("payload").remove(field);
    TestServer.Response r =
        server.post("/api/events", WireEvents.body(new JsonArray().add(good).add(bad)));
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    JsonObject body = r.json();
    assertThat(body.getString("error")).isEqualTo("Validation failed");
    assertThat(body.getInteger("status")).isEqualTo(400);
    assertThat(paths(body)).contains("events.1.payload." + field);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-08T10:00:00",
        "2026-02-30T10:00:00Z",
        "2026-13-01T10:00:00Z",
        "2026-02-08",
        "2026-02-08t10:00:00z",
        "2026-02-08T10:00:00.1234567890Z",
        "yesterday"
      })
  void badTimestamps(String timestamp) throws Exception {
    JsonObject e = WireEvents.event("v-s", "v-a", "custom").put("timestamp", timestamp);
    TestServer.Response r = server.post("/api/events", WireEvents.body(new JsonArray().add(e)));
    assertThat(r.status()).isEqualTo(400);
    JsonObject detail = r.json().getJsonArray("details").getJsonObject(0);
    assertThat(detail.getString("path")).isEqualTo("events.0.timestamp");
    assertThat(detail.getString("message")).isEqualTo("Invalid ISO datetime");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{", "[]", "null", "false", "{\"events\":[]}x", "\"events\""})
  void invalidJsonBodies(String body) throws Exception {
    TestServer.Response r = server.post("/api/events", body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().getString("error")).isEqualTo("Invalid JSON body");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1001})
  void batchSizeLimits(int n) throws Exception {
    JsonArray events = new JsonArray();
    for (int i = 0; i < n; i++) {
      events.add(WireEvents.event("v-s", "v-a", "custom"));
    }
    TestServer.Response r = server.post("/api/events", WireEvents.body(events));
    assertThat(r.status()).isEqualTo(400);
    JsonObject detail = r.json().getJsonArray("details").getJsonObject(0);
    assertThat(detail.getString("path")).isEqualTo("events");
    assertThat(detail.getString("message"))
        .isEqualTo(
            n == 0
                ? "Too small: expected array to have >=1 items"
                : "Too big: expected array to have <=1000 items");
  }

  @ParameterizedTest
  @ValueSource(ints = {1_048_577, 3_000_000})
  void oversizeBodies(int bytes) throws Exception {
    String pad = "x".repeat(bytes);
    TestServer.Response r =
        server.post("/api/events", "{\"events\":[{\"payload\":{\"p\":\"" + pad + "\"}}]}");
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.json().getString("error")).isEqualTo("Request body too large");
    assertThat(r.json().getInteger("status")).isEqualTo(413);
    assertThat(r.json().getString("maxSize")).isEqualTo("1MB");
  }

  private static List<String> paths(JsonObject body) {
    List<String> paths = new ArrayList<>();
    body.getJsonArray("details").forEach(d -> paths.add(((JsonObject) d).getString("path")));
    return paths;
  }
}
