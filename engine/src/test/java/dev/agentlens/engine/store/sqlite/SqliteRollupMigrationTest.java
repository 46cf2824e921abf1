package dev.agentlens.engine.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentlens.engine.model.EventQuery;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.Severity;
import dev.agentlens.engine.model.Timestamps;
import dev.agentlens.engine.store.EventStore;
import dev.agentlens.engine.store.StoreSettings;
import dev.agentlens.engine.testing.StoreHarness;
import dev.agentlens.engine.testing.TestEvents;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Older databases migrate forward: one from before the rollups (schema v2) gets them backfilled by
 * migration v3, equal row for row to what the drain transactions maintain incrementally; v4 re-keys
 * the dashboard index and backfills the per-type counts the same way.
 */
class SqliteRollupMigrationTest {

  @TempDir Path dir;
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    StoreHarness.await(vertx.close());
  }

  private EventStore open(Path file) {
    EventStore store =
        new SqliteEventStore(
            vertx, SqliteSettings.at(file), new StoreSettings(Clock.systemUTC(), 30));
    StoreHarness.await(store.start());
    return store;
  }

  @Test
  void migrationBackfillsTheRollupsTheWriterWouldHaveKept() throws Exception {
    Path file = dir.resolve("old.db");
    EventStore store = open(file);
    TestEvents events =
        new TestEvents("tenant-a", Instant.parse("2026-03-10T09:58:00Z"), Duration.ofSeconds(17));
    List<IngestEvent> batch = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String session = "s" + (i % 4);
      batch.add(
          switch (i % 5) {
            case 0 -> events.toolCall(session, "web_search").build();
            case 1 -> events.toolResponse(session, "web_search", 10 + i).build();
            case 2 -> events.costTracked(session, "openai", "gpt-4o", 1, 1, 0.25 * i).build();
            case 3 -> events.otlpMetric(session, "queue.depth", i).build();
            default -> events.custom(session, "x").severity(Severity.ERROR).build();
          });
    }
    new StoreHarness(store).write(batch);
    StoreHarness.await(store.close());
    List<String> maintained = rows(file, "event_rollups");
    List<String> typeCounts = rows(file, "event_type_rollups");

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE event_rollups");
      restoreV4Schema(s);
      restoreV3Schema(s);
      s.execute("DELETE FROM schema_migrations WHERE version >= 3");
    }
    StoreHarness.await(open(file).close());

    assertThat(maintained).hasSizeGreaterThan(8);
    assertThat(rows(file, "event_rollups")).isEqualTo(maintained);
    assertThat(typeCounts).hasSizeGreaterThan(4);
    assertThat(rows(file, "event_type_rollups")).isEqualTo(typeCounts);
  }

  @Test
  void migrationV4RekeysTheDashboardIndexByAgentTimeType() throws Exception {
    Path file = dir.resolve("v3.db");
    StoreHarness.await(open(file).close());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      restoreV4Schema(s);
      restoreV3Schema(s);
      s.execute("DELETE FROM schema_migrations WHERE version >= 4");
    }
    assertThat(agentIndexes(file))
        .contains(
            "idx_events_agent_type_ts: CREATE INDEX idx_events_agent_type_ts"
                + " ON events (tenant_id, agent_id, event_type, timestamp)");

    StoreHarness.await(open(file).close());

    // v4's (agent, time, type) order, with v5's integer time.
    assertThat(agentIndexes(file))
        .containsExactly(
            "idx_events_agent_id: CREATE INDEX idx_events_agent_id"
                + " ON events (tenant_id, agent_id, ts_ms)",
            "idx_events_agent_type_ts: CREATE INDEX idx_events_agent_type_ts"
                + " ON events (tenant_id, agent_id, ts_ms, event_type)");
  }

  @Test
  void migrationV5BackfillsIntegerTimesAndRekeysTheTimeIndexes() throws Exception {
    Path file = dir.resolve("v4.db");
    EventStore store = open(file);
    TestEvents events =
        new TestEvents("tenant-a", Instant.parse("2026-03-10T09:58:00Z"), Duration.ofMillis(1234));
    List<IngestEvent> batch = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      batch.add(events.toolCall("s" + (i % 3), "web_search").build());
    }
    batch.add(events.toolCall("s0", "web_search").at("1969-12-31T23:59:59.501Z").build());
    batch.add(events.toolCall("s1", "web_search").at("2000-02-29T23:59:59.999Z").build());
    new StoreHarness(store).write(batch);
    StoreHarness.await(store.close());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      restoreV4Schema(s);
    }
    assertThat(agentIndexes(file))
        .contains(
            "idx_events_agent_id: CREATE INDEX idx_events_agent_id"
                + " ON events (tenant_id, agent_id, timestamp)");

    store = open(file);
    EventQuery all =
        EventQuery.all("tenant-a")
            .withWindow("1969-12-31T23:59:59.501Z", "2000-02-29T23:59:59.999Z");
    List<String> window =
        StoreHarness.await(store.events().query(all)).items().stream()
            .map(e -> e.timestamp())
            .toList();
    StoreHarness.await(store.close());

    assertThat(window).containsExactly("2000-02-29T23:59:59.999Z", "1969-12-31T23:59:59.501Z");
    List<String> mismatches = new ArrayList<>();
    int rows = 0;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT timestamp, ts_ms FROM events")) {
      while (rs.next()) {
        rows++;
        if (Timestamps.epochMillis(rs.getString(1)) != rs.getLong(2)) {
          mismatches.add(rs.getString(1) + " -> " + rs.getLong(2));
        }
      }
    }
    assertThat(rows).isEqualTo(32);
    assertThat(mismatches).isEmpty();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeUpdate("UPDATE events SET ts_ms = 0"))
          .hasMessageContaining("events are append-only");
    }
    assertThat(agentIndexes(file))
        .contains(
            "idx_events_agent_id: CREATE INDEX idx_events_agent_id"
                + " ON events (tenant_id, agent_id, ts_ms)");
  }

  /** SPEC §8: the seed's nine index names exist. */
  @Test
  void theSeedsNineIndexNamesExist() throws Exception {
    Path file = dir.resolve("fresh.db");
    StoreHarness.await(open(file).close());
    List<String> names = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'index'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    assertThat(names)
        .contains(
            "idx_events_timestamp",
            "idx_events_session_id",
            "idx_events_agent_id",
            "idx_events_type",
            "idx_events_session_ts",
            "idx_events_agent_type_ts",
            "idx_sessions_agent_id",
            "idx_sessions_started_at",
            "idx_sessions_status");
  }

  /** The time-keyed indexes on the canonical text, as schema v1 and v4 created them; no ts_ms. */
  private static void restoreV4Schema(Statement s) throws SQLException {
    String[] indexes = {
      "idx_events_timestamp ON events (tenant_id, timestamp)",
      "idx_events_agent_id ON events (tenant_id, agent_id, timestamp)",
      "idx_events_type ON events (tenant_id, event_type, timestamp)",
      "idx_events_session_ts ON events (tenant_id, session_id, timestamp, id)",
      "idx_events_agent_type_ts ON events (tenant_id, agent_id, timestamp, event_type)",
      "idx_events_errors ON events (tenant_id, timestamp) WHERE is_error = 1"
    };
    for (String index : indexes) {
      s.execute("DROP INDEX " + index.substring(0, index.indexOf(' ')));
      s.execute("CREATE INDEX " + index);
    }
    s.execute("ALTER TABLE events DROP COLUMN ts_ms");
    s.execute("DELETE FROM schema_migrations WHERE version = 5");
  }

  /** The dashboard index as schema v1–v3 created it, and no type counts. */
  private static void restoreV3Schema(Statement s) throws SQLException {
    s.execute("DROP TABLE event_type_rollups");
    s.execute("DROP INDEX idx_events_agent_type_ts");
    s.execute(
        "CREATE INDEX idx_events_agent_type_ts"
            + " ON events (tenant_id, agent_id, event_type, timestamp)");
  }

  private static List<String> agentIndexes(Path file) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                    + " AND name LIKE 'idx_events_agent%' ORDER BY name")) {
      while (rs.next()) {
        found.add(rs.getString(1) + ": " + rs.getString(2).strip());
      }
    }
    return found;
  }

  private static List<String> rows(Path file, String rollupTable) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + rollupTable + " ORDER BY 1, 2, 3, 4, 5")) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(rs.getString(i)).append('|');
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
