package dev.agentlens.api.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.api.TestServer;
import dev.agentlens.api.WireEvents;
import dev.agentlens.api.auth.ApiKeys;
import dev.agentlens.engine.model.Timestamps;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/retention/run} and {@code GET /api/retention/runs} on a real server: only events
 * older than the policy go, the rest of a cut chain still verifies, emptied sessions go, the
 * runtime policy in config_kv is honoured (0 keeps everything), every run is listed, and only an
 * admin may start one.
 */
class RetentionRoutesIT {

  @TempDir Path dir;
  private TestServer server;

  /** Well past the default 90-day policy. */
  private final Instant old = Instant.now().minus(Duration.ofDays(200));

  @BeforeEach
  void start() throws Exception {
    server = TestServer.start(dir, Map.of());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** old-s: three old events; mix-s: two old then two current; new-s: two current. */
  private void ingestFixture() throws Exception {
    ingest(
        event("old-s", "session_started", old),
        event("old-s", "tool_call", old.plusSeconds(1)),
        event("old-s", "session_ended", old.plusSeconds(2)),
        event("mix-s", "session_started", old),
        event("mix-s", "tool_call", old.plusSeconds(5)));
    ingest(
        event("mix-s", "tool_call", null),
        event("mix-s", "session_ended", null),
        event("new-s", "session_started", null),
        event("new-s", "tool_call", null));
  }

  @Test
  void aRunDeletesOnlyExpiredEventsAndReportsWhatItDid() throws Exception {
    ingestFixture();

    TestServer.Response r = server.post("/api/retention/run", null);

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonObject report = r.json();
    assertThat(report.fieldNames())
        .containsExactlyInAnyOrder(
            "id",
            "startedAt",
            "finishedAt",
            "cutoff",
            "eventsDeleted",
            "anchorsWritten",
            "sessionsRemoved",
            "error",
            "retentionDays",
            "skipped",
            "pagesReclaimed");
    assertThat(report.getLong("eventsDeleted")).isEqualTo(5);
    assertThat(report.getLong("anchorsWritten")).isEqualTo(2);
    assertThat(report.getLong("sessionsRemoved")).isEqualTo(1);
    assertThat(report.getInteger("retentionDays")).isEqualTo(90);
    assertThat(report.getBoolean("skipped")).isFalse();
    assertThat(report.getValue("error")).isNull();
    Instant cutoff = Timestamps.parse(report.getString("cutoff"));
    Instant started = Timestamps.parse(report.getString("startedAt"));
    assertThat(Duration.between(cutoff, started)).isEqualTo(Duration.ofDays(90));
    assertThat(report.getString("finishedAt"))
        .isGreaterThanOrEqualTo(report.getString("startedAt"));

    assertThat(server.get("/api/sessions/old-s").status()).isEqualTo(404);
    JsonObject mixed = server.get("/api/sessions/mix-s/timeline").json();
    assertThat(mixed.getJsonArray("events")).hasSize(2);
    assertThat(mixed.getBoolean("chainValid")).isTrue();
    assertThat(mixed.getBoolean("chained")).isTrue();
    JsonObject fresh = server.get("/api/sessions/new-s/timeline").json();
    assertThat(fresh.getJsonArray("events")).hasSize(2);
    assertThat(fresh.getBoolean("chainValid")).isTrue();
  }

  @Test
  void everyRunIsListedNewestFirst() throws Exception {
    ingestFixture();
    JsonObject first = server.post("/api/retention/run", null).json();
    JsonObject second = server.post("/api/retention/run", null).json();

    TestServer.Response r = server.get("/api/retention/runs");

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonArray runs = r.json().getJsonArray("runs");
    assertThat(runs).hasSize(2);
    assertThat(runs.getJsonObject(0)).isEqualTo(recorded(second));
    assertThat(runs.getJsonObject(1)).isEqualTo(recorded(first));
    assertThat(runs.getJsonObject(1).getLong("eventsDeleted")).isEqualTo(5);
    assertThat(runs.getJsonObject(0).getLong("eventsDeleted")).isZero();
    assertThat(server.get("/api/retention/runs?limit=1").json().getJsonArray("runs"))
        .containsExactly(recorded(second));
    assertThat(server.get("/api/retention/runs?limit=x").status()).isEqualTo(400);
  }

  @Test
  void theRuntimePolicyInConfigKvIsHonouredAndZeroKeepsEverything() throws Exception {
    ingestFixture();
    setRetentionDays("0");

    JsonObject disabled = server.post("/api/retention/run", null).json();
    assertThat(disabled).isEqualTo(new JsonObject().put("skipped", true).put("retentionDays", 0));
    assertThat(server.get("/api/sessions/old-s").status()).isEqualTo(200);
    assertThat(server.get("/api/retention/runs").json().getJsonArray("runs")).isEmpty();

    setRetentionDays("365");
    JsonObject longPolicy = server.post("/api/retention/run", null).json();
    assertThat(longPolicy.getInteger("retentionDays")).isEqualTo(365);
    assertThat(longPolicy.getLong("eventsDeleted")).isZero();

    setRetentionDays("100");
    JsonObject shortPolicy = server.post("/api/retention/run", null).json();
    assertThat(shortPolicy.getInteger("retentionDays")).isEqualTo(100);
    assertThat(shortPolicy.getLong("eventsDeleted")).isEqualTo(5);
    assertThat(server.get("/api/sessions/old-s").status()).isEqualTo(404);
  }

  @Test
  void onlyAnAdminMayStartARun() throws Exception {
    String member = mintKey("write");
    String viewer = mintKey("read");

    TestServer.Response byMember = server.send("POST", "/api/retention/run", null, member);
    assertThat(byMember.status()).isEqualTo(403);
    assertThat(byMember.json().getString("required")).isEqualTo("admin");
    assertThat(server.send("POST", "/api/retention/run", null, viewer).status()).isEqualTo(403);
    assertThat(server.send("POST", "/api/retention/run", null, null).status()).isEqualTo(401);
    assertThat(server.send("GET", "/api/retention/runs", null, viewer).status()).isEqualTo(200);
    assertThat(server.get("/api/retention/runs").json().getJsonArray("runs")).isEmpty();
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** The report as GET /api/retention/runs lists it (without the report-only fields). */
  private static JsonObject recorded(JsonObject report) {
    JsonObject r = report.copy();
    r.remove("retentionDays");
    r.remove("skipped");
    r.remove("pagesReclaimed");
    return r;
  }

  /** What PUT /api/config {"retentionDays":n} stores. */
  private void setRetentionDays(String days) throws Exception {
    await(server.server().store().config().put("retentionDays", days));
  }

  private String mintKey(String... scopes) throws Exception {
    ApiKeys.Minted minted =
        ApiKeys.mint("retention-it", List.of(scopes), "default", Clock.systemUTC());
    await(server.server().store().keys().insert(minted.key()));
    server.server().keys().put(minted.key());
    return minted.raw();
  }

  private static JsonObject event(String session, String type, Instant at) {
    JsonObject e = WireEvents.event(session, "retention-agent", type);
    return at == null ? e : e.put("timestamp", Timestamps.format(at));
  }

  private void ingest(JsonObject... events) throws Exception {
    TestServer.Response r =
        server.post(
            "/api/events?wait=true", WireEvents.body(new JsonArray(List.of((Object[]) events))));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
