package dev.agentlens.engine.store.sqlite;

import dev.agentlens.engine.model.StatsOverview;
import dev.agentlens.engine.model.StorageStats;
import dev.agentlens.engine.model.TimeWindow;
import dev.agentlens.engine.model.Timestamps;
import dev.agentlens.engine.store.StatsReads;
import dev.agentlens.engine.store.StoreSettings;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** GET /api/stats and /api/stats/overview (reference §9), each in one read snapshot. */
final class SqliteStatsReads implements StatsReads {

  private static final String COUNT_EVENTS = "SELECT count(*) FROM events WHERE tenant_id = ?";
  // The hourly rollups hold every stored event once (one row per hour and session): summing them
  // reads a few rows per session-hour instead of counting every event (~230 ms at 10M events).
  private static final String SUM_ROLLUPS =
      "SELECT coalesce(sum(events), 0) FROM event_rollups WHERE tenant_id = ?";
  private static final String COUNT_SESSIONS = "SELECT count(*) FROM sessions WHERE tenant_id = ?";
  private static final String COUNT_AGENTS = "SELECT count(*) FROM agents WHERE tenant_id = ?";

  // ORDER BY … LIMIT 1 is one seek at either end of idx_events_timestamp, never a scan.
  private static final String OLDEST =
      "SELECT ts_ms FROM events WHERE tenant_id = ? ORDER BY ts_ms ASC LIMIT 1";
  private static final String NEWEST =
      "SELECT ts_ms FROM events WHERE tenant_id = ? ORDER BY ts_ms DESC LIMIT 1";

  /** The whole file, not the tenant: SQLite cannot tell one tenant's pages from another's. */
  private static final String FILE_SIZE =
      "SELECT p.page_count * s.page_size FROM pragma_page_count() p, pragma_page_size() s";

  private static final String EVENTS_IN = COUNT_EVENTS + " AND ts_ms >= ? AND ts_ms <= ?";
  // is_error = 1 is implied by the severity and lets SQLite use the partial idx_events_errors.
  private static final String ERRORS_IN =
      EVENTS_IN + " AND is_error = 1 AND severity IN ('error', 'critical')";
  private static final String SESSIONS_IN =
      COUNT_SESSIONS + " AND started_at >= ? AND started_at <= ?";

  private final SqliteDatabase db;

  SqliteStatsReads(SqliteDatabase db, StoreSettings settings) {
    this.db = db;
  }

  @Override
  public Future<StorageStats> stats(String tenantId) {
    return db.read(
        c ->
            new StorageStats(
                countEvents(c, tenantId),
                count(c, COUNT_SESSIONS, tenantId),
                count(c, COUNT_AGENTS, tenantId),
                time(c, OLDEST, tenantId),
                time(c, NEWEST, tenantId),
                fileSize(c)));
  }

  @Override
  public Future<StatsOverview> overview(String tenantId, TimeWindow current, TimeWindow previous) {
    return db.read(
        c -> {
          long events = countIn(c, EVENTS_IN, tenantId, current);
          long errors = countIn(c, ERRORS_IN, tenantId, current);
          return new StatsOverview(
              events,
              countIn(c, EVENTS_IN, tenantId, previous),
              errors,
              countIn(c, ERRORS_IN, tenantId, previous),
              count(c, SESSIONS_IN, tenantId, current.from(), current.to()),
              count(c, SESSIONS_IN, tenantId, previous.from(), previous.to()),
              count(c, COUNT_AGENTS, tenantId),
              events == 0 ? 0.0 : (double) errors / events);
        });
  }

  /** Every stored event of the tenant. */
  static long countEvents(Connection c, String tenantId) throws SQLException {
    return count(c, SUM_ROLLUPS, tenantId);
  }

  private static long count(Connection c, String sql, String... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      return SqliteRows.scalarLong(ps);
    }
  }

  private static String time(Connection c, String sql, String tenantId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenantId);
      return SqliteRows.time(ps);
    }
  }

  /** {@code sql}'s count of the tenant's events in {@code w}, bound as ts_ms. */
  private static long countIn(Connection c, String sql, String tenantId, TimeWindow w)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenantId);
      ps.setLong(2, Timestamps.epochMillis(w.from()));
      ps.setLong(3, Timestamps.epochMillis(w.to()));
      return SqliteRows.scalarLong(ps);
    }
  }

  private static long fileSize(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(FILE_SIZE)) {
      return SqliteRows.scalarLong(ps);
    }
  }
}
