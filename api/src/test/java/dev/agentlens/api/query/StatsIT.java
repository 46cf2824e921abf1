package dev.agentlens.api.query;

import static dev.agentlens.api.query.QueryFixtures.badParameter;
import static dev.agentlens.api.query.QueryFixtures.event;
import static dev.agentlens.api.query.QueryFixtures.ingest;
import static dev.agentlens.api.query.QueryFixtures.ok;
import static dev.agentlens.api.query.QueryFixtures.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.api.TestServer;
import dev.agentlens.engine.model.Timestamps;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/stats and /api/stats/overview (reference §9). */
class StatsIT {

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

  @Test
  void statsOfATenantWithAndWithoutEvents() throws Exception {
    String key = QueryFixtures.mintKey(server, "stats-tenant", "*");
    String empty = ok(server, key, "/api/stats");
    assertThat(empty)
        .matches(
            "\\{\"totalEvents\":0,\"totalSessions\":0,\"totalAgents\":0,"
                + "\"storageSizeBytes\":[1-9][0-9]*}");
    JsonObject error = event("st-2", "agent-b", "custom", "2026-06-02T10:00:00.000Z");
    error.put("severity", "error");
    ingest(
        server,
        key,
        event("st-1", "agent-a", "tool_call", "2026-06-01T10:00:00.000Z"),
        error,
        event("st-2", "agent-b", "custom", "2026-06-02T11:00:00.000Z"));
    JsonObject stats = okJson(server, key, "/api/stats");
    assertThat(stats.fieldNames())
        .containsExactly(
            "totalEvents",
            "totalSessions",
            "totalAgents",
            "oldestEvent",
            "newestEvent",
            "storageSizeBytes");
    assertThat(stats.getLong("totalEvents")).isEqualTo(3);
    assertThat(stats.getLong("totalSessions")).isEqualTo(2);
    assertThat(stats.getLong("totalAgents")).isEqualTo(2);
    assertThat(stats.getString("oldestEvent")).isEqualTo("2026-06-01T10:00:00.000Z");
    assertThat(stats.getString("newestEvent")).isEqualTo("2026-06-02T11:00:00.000Z");
    assertThat(stats.getLong("storageSizeBytes")).isPositive();

    // A custom window against the window of equal length just before it.
    assertThat(
            ok(
                server,
                key,
                "/api/stats/overview?from=2026-06-02T00:00:00Z&to=2026-06-02T23:59:59.999Z"))
        .isEqualTo(
            "{\"eventsTodayCount\":2,\"eventsYesterdayCount\":1,\"errorsTodayCount\":1,"
                + "\"errorsYesterdayCount\":0,\"sessionsTodayCount\":1,"
                + "\"sessionsYesterdayCount\":1,\"totalAgents\":2,\"errorRate\":0.5}");
    // One hour: 10:00:00.000–10:59:59.999 against 09:00:00.000–09:59:59.999 (inclusive, disjoint).
    JsonObject hour =
        okJson(
            server,
            key,
            "/api/stats/overview?from=2026-06-02T10:00:00Z&to=2026-06-02T10:59:59.999Z");
    assertThat(hour.getLong("eventsTodayCount")).isEqualTo(1);
    assertThat(hour.getLong("eventsYesterdayCount")).isZero();
    assertThat(hour.getDouble("errorRate")).isEqualTo(1.0);
    JsonObject edge =
        okJson(
            server,
            key,
            "/api/stats/overview?from=2026-06-02T10:00:00.001Z&to=2026-06-02T11:00:00Z");
    assertThat(edge.getLong("eventsTodayCount")).isEqualTo(1);
    assertThat(edge.getLong("eventsYesterdayCount")).isEqualTo(1);
  }

  @Test
  void defaultOverviewIsTodayAgainstAllOfYesterday() throws Exception {
    String key = QueryFixtures.mintKey(server, "today-tenant", "*");
    Instant now = Instant.now();
    Instant midnight = now.truncatedTo(ChronoUnit.DAYS);
    JsonObject todayError = event("today", "agent-t", "custom", Timestamps.format(now));
    todayError.put("severity", "critical");
    ingest(
        server,
        key,
        event("yday", "agent-y", "custom", Timestamps.format(midnight.minus(Duration.ofHours(23)))),
        event("yday", "agent-y", "custom", Timestamps.format(midnight.minusMillis(1))),
        event("older", "agent-y", "custom", Timestamps.format(midnight.minus(Duration.ofDays(2)))),
        todayError);
    JsonObject o = okJson(server, key, "/api/stats/overview");
    if (!Instant.now().truncatedTo(ChronoUnit.DAYS).equals(midnight)) {
      return; // the day changed under the test: the windows moved, nothing to assert
    }
    assertThat(o)
        .isEqualTo(
            new JsonObject()
                .put("eventsTodayCount", 1)
                .put("eventsYesterdayCount", 2)
                .put("errorsTodayCount", 1)
                .put("errorsYesterdayCount", 0)
                .put("sessionsTodayCount", 1)
                .put("sessionsYesterdayCount", 1)
                .put("totalAgents", 2)
                .put("errorRate", 1));
  }

  @Test
  void malformedWindowsAre400s() throws Exception {
    badParameter(server, admin, "/api/stats/overview?from=garbage", "from");
    badParameter(server, admin, "/api/stats/overview?to=2026-06-31T00:00:00Z", "to");
    badParameter(
        server,
        admin,
        "/api/stats/overview?from=2026-06-02T00:00:00Z&to=2026-06-01T00:00:00Z",
        "from");
  }
}
