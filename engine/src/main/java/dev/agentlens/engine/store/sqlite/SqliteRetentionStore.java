package dev.agentlens.engine.store.sqlite;

import dev.agentlens.engine.json.EventHasher;
import dev.agentlens.engine.model.ChainAnchor;
import dev.agentlens.engine.model.RetentionChunk;
import dev.agentlens.engine.model.RetentionRun;
import dev.agentlens.engine.model.Timestamps;
import dev.agentlens.engine.store.HourlyRollup;
import dev.agentlens.engine.store.RetentionStore;
import dev.agentlens.engine.store.StoreSettings;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Retention on the single writer (SPEC §7). Each chunk is one transaction that opens the
 * retention_guard (the delete trigger refuses everything else), anchors and deletes the expired
 * seq-ordered prefixes found by {@link SqliteRetentionPlanner}, and closes the guard again.
 * Consecutive chunks of one run resume where the previous one stopped, so that a run touches each
 * old session once instead of once per chunk.
 */
final class SqliteRetentionStore implements RetentionStore {

  /** Sessions examined per transaction when removing emptied sessions. */
  private static final int SWEEP_BATCH = 2000;

  /** {@code PRAGMA auto_vacuum} of a file whose free pages incremental_vacuum can reclaim. */
  private static final long INCREMENTAL_VACUUM = 2;

  private static final String INSERT_ANCHOR =
      "INSERT INTO chain_anchors (tenant_id, session_id, first_prev_hash, last_hash, last_seq,"
          + " event_count, segment_digest, ts_min, ts_max, created_at)"
          + " VALUES (?,?,?,?,?,?,?,?,?,?)";

  private static final String DELETE_PREFIX =
      "DELETE FROM events WHERE tenant_id = ? AND session_id = ? AND seq <= ?";

  // The prefix's share of the hourly rollups, taken out before the prefix itself goes.
  private static final String SUBTRACT_ROLLUPS =
      "UPDATE event_rollups AS r SET events = r.events - d.n, tool_calls = r.tool_calls - d.calls,"
          + " errors = r.errors - d.errs, latency_sum = r.latency_sum - d.lat_sum,"
          + " latency_count = r.latency_count - d.lat_n, cost_usd = r.cost_usd - d.cost"
          + " FROM (SELECT tenant_id, session_id, substr(timestamp, 1, 13) AS hr, agent_id,"
          + " is_metric, count(*) AS n, sum(event_type = 'tool_call') AS calls,"
          + " sum(is_error) AS errs,"
          + " coalesce(sum(CASE WHEN event_type = 'tool_response' THEN duration_ms END), 0)"
          + " AS lat_sum,"
          + " count(CASE WHEN event_type = 'tool_response' THEN duration_ms END) AS lat_n,"
          + " coalesce(sum(CASE WHEN event_type = 'cost_tracked' THEN cost_usd END), 0) AS cost"
          + " FROM events WHERE tenant_id = ? AND session_id = ? AND seq <= ?"
          + " GROUP BY hr, agent_id, is_metric) AS d"
          + " WHERE r.tenant_id = d.tenant_id AND r.hour = d.hr AND r.session_id = d.session_id"
          + " AND r.agent_id = d.agent_id AND r.is_metric = d.is_metric";

  private static final String DROP_EMPTY_ROLLUPS =
      "DELETE FROM event_rollups WHERE tenant_id = ? AND hour >= ? AND hour <= ?"
          + " AND session_id = ? AND events = 0";

  private static final String SWEEP_UPPER =
      "SELECT max(rowid) FROM (SELECT rowid FROM sessions WHERE rowid > ? ORDER BY rowid LIMIT ?)";

  private static final String SWEEP =
      "DELETE FROM sessions WHERE rowid > ? AND rowid <= ? AND NOT EXISTS (SELECT 1 FROM events e"
          + " WHERE e.tenant_id = sessions.tenant_id AND e.session_id = sessions.id)";

  private final SqliteDatabase db;
  private final StoreSettings settings;

  /** Where the last chunk stopped (null: start over); touched only between chunks. */
  private final AtomicReference<SqliteRetentionPlanner.Cursor> resume = new AtomicReference<>();

  SqliteRetentionStore(SqliteDatabase db, StoreSettings settings) {
    this.db = db;
    this.settings = settings;
  }

  @Override
  public Future<RetentionChunk> purgeChunk(String cutoff, int maxEvents) {
    if (maxEvents < 1) {
      return Future.failedFuture(new IllegalArgumentException("maxEvents not >= 1"));
    }
    SqliteRetentionPlanner.Cursor from = resume.get();
    SqliteRetentionPlanner.Cursor start =
        from != null && from.cutoff().equals(cutoff)
            ? from
            : SqliteRetentionPlanner.Cursor.start(cutoff);
    return db.write(c -> purge(c, start, maxEvents))
        .onFailure(e -> resume.set(null))
        .map(
            plan -> {
              resume.set(plan.done() ? null : plan.next());
              return new RetentionChunk(plan.eventCount(), plan.cuts().size(), plan.done());
            });
  }

  private SqliteRetentionPlanner.Plan purge(
      Connection c, SqliteRetentionPlanner.Cursor start, int maxEvents) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO retention_guard (active) VALUES (1)");
    }
    SqliteRetentionPlanner.Plan plan = SqliteRetentionPlanner.plan(c, start, maxEvents);
    String now = Timestamps.format(settings.clock().instant());
    try (PreparedStatement anchor = c.prepareStatement(INSERT_ANCHOR);
        PreparedStatement subtract = c.prepareStatement(SUBTRACT_ROLLUPS);
        PreparedStatement dropEmpty = c.prepareStatement(DROP_EMPTY_ROLLUPS);
        PreparedStatement subtractTypes = c.prepareStatement(SqliteTypeRollups.SUBTRACT);
        PreparedStatement dropEmptyTypes = c.prepareStatement(SqliteTypeRollups.DROP_EMPTY);
        PreparedStatement delete = c.prepareStatement(DELETE_PREFIX)) {
      for (SqliteRetentionPlanner.Cut cut : plan.cuts()) {
        anchor.setString(1, cut.tenantId());
        anchor.setString(2, cut.sessionId());
        anchor.setString(3, cut.firstPrevHash());
        anchor.setString(4, cut.lastHash());
        anchor.setLong(5, cut.lastSeq());
        anchor.setLong(6, cut.hashes().size());
        anchor.setString(7, EventHasher.sha256Hex(String.join("\n", cut.hashes())));
        anchor.setString(8, cut.tsMin());
        anchor.setString(9, cut.tsMax());
        anchor.setString(10, now);
        anchor.executeUpdate();
        subtractRollups(subtract, dropEmpty, cut);
        subtractTypeCounts(subtractTypes, dropEmptyTypes, cut);
        delete.setString(1, cut.tenantId());
        delete.setString(2, cut.sessionId());
        delete.setLong(3, cut.lastSeq());
        if (delete.executeUpdate() != cut.hashes().size()) {
          throw new IllegalStateException("retention deleted an unexpected number of events");
        }
      }
    }
    try (Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM retention_guard");
    }
    return plan;
  }

  private static void subtractRollups(
      PreparedStatement subtract, PreparedStatement dropEmpty, SqliteRetentionPlanner.Cut cut)
      throws SQLException {
    bindPrefix(subtract, 1, cut);
    subtract.executeUpdate();
    bindHours(dropEmpty, cut);
    dropEmpty.setString(4, cut.sessionId());
    dropEmpty.executeUpdate();
  }

  private static void subtractTypeCounts(
      PreparedStatement subtract, PreparedStatement dropEmpty, SqliteRetentionPlanner.Cut cut)
      throws SQLException {
    bindPrefix(subtract, 1, cut);
    subtract.executeUpdate();
    bindHours(dropEmpty, cut);
    bindPrefix(dropEmpty, 4, cut);
    dropEmpty.executeUpdate();
  }

  /** The cut's events: tenant, session and last seq, from parameter {@code first}. */
  private static void bindPrefix(PreparedStatement ps, int first, SqliteRetentionPlanner.Cut cut)
      throws SQLException {
    ps.setString(first, cut.tenantId());
    ps.setString(first + 1, cut.sessionId());
    ps.setLong(first + 2, cut.lastSeq());
  }

  /** The tenant and the cut's first and last hour, as parameters 1-3. */
  private static void bindHours(PreparedStatement ps, SqliteRetentionPlanner.Cut cut)
      throws SQLException {
    ps.setString(1, cut.tenantId());
    ps.setString(2, HourlyRollup.hourOf(cut.tsMin()));
    ps.setString(3, HourlyRollup.hourOf(cut.tsMax()));
  }

  /** Sweeps the sessions table in rowid slices, one short transaction each. */
  @Override
  public Future<Long> removeEmptySessions() {
    return sweepFrom(0L, 0L);
  }

  private Future<Long> sweepFrom(long afterRowid, long removedSoFar) {
    return db.write(c -> sweepSlice(c, afterRowid))
        .compose(
            slice ->
                slice == null
                    ? Future.succeededFuture(removedSoFar)
                    : sweepFrom(slice.lastRowid(), removedSoFar + slice.removed()));
  }

  private record Slice(long lastRowid, long removed) {}

  /** Examines the next slice of sessions after {@code afterRowid}; null when none is left. */
  private static Slice sweepSlice(Connection c, long afterRowid) throws SQLException {
    long upper;
    try (PreparedStatement ps = c.prepareStatement(SWEEP_UPPER)) {
      ps.setLong(1, afterRowid);
      ps.setInt(2, SWEEP_BATCH);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        upper = rs.getLong(1);
        if (rs.wasNull()) {
          return null;
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement(SWEEP)) {
      ps.setLong(1, afterRowid);
      ps.setLong(2, upper);
      return new Slice(upper, ps.executeUpdate());
    }
  }

  /**
   * One {@code PRAGMA incremental_vacuum} step on the writer thread, outside a transaction. Only
   * files created with {@code auto_vacuum = INCREMENTAL} can give pages back; others report 0.
   * ({@code executeUpdate} steps the pragma to its end; {@code execute} would free one page.)
   */
  @Override
  public Future<Long> reclaimSpace(int maxPages) {
    if (maxPages < 1) {
      return Future.failedFuture(new IllegalArgumentException("maxPages not >= 1"));
    }
    return db.writeNoTransaction(
        c -> {
          try (Statement s = c.createStatement()) {
            if (pragma(s, "auto_vacuum") != INCREMENTAL_VACUUM) {
              return 0L;
            }
            long before = pragma(s, "freelist_count");
            if (before == 0) {
              return 0L;
            }
            s.executeUpdate("PRAGMA incremental_vacuum(" + maxPages + ")");
            return before - pragma(s, "freelist_count");
          }
        });
  }

  private static long pragma(Statement s, String name) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** Inserts the run, or replaces it when a run with that id was recorded before (its start). */
  @Override
  public Future<Void> recordRun(RetentionRun run) {
    return db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO retention_runs (id, started_at, finished_at, cutoff,"
                      + " events_deleted, anchors_written, sessions_removed, error)"
                      + " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (id) DO UPDATE SET"
                      + " started_at = excluded.started_at, finished_at = excluded.finished_at,"
                      + " cutoff = excluded.cutoff, events_deleted = excluded.events_deleted,"
                      + " anchors_written = excluded.anchors_written,"
                      + " sessions_removed = excluded.sessions_removed, error = excluded.error")) {
            ps.setString(1, run.id());
            ps.setString(2, run.startedAt());
            ps.setString(3, run.finishedAt());
            ps.setString(4, run.cutoff());
            ps.setLong(5, run.eventsDeleted());
            ps.setLong(6, run.anchorsWritten());
            ps.setLong(7, run.sessionsRemoved());
            ps.setString(8, run.error());
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public Future<List<RetentionRun>> runs(int limit) {
    return db.read(
        c -> {
          List<RetentionRun> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, started_at, finished_at, cutoff, events_deleted, anchors_written,"
                      + " sessions_removed, error FROM retention_runs"
                      + " ORDER BY started_at DESC, id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new RetentionRun(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getString(8)));
              }
            }
          }
          return out;
        });
  }

  @Override
  public Future<List<ChainAnchor>> anchors(String tenantId, String sessionId) {
    return db.read(
        c -> {
          List<ChainAnchor> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT first_prev_hash, last_hash, last_seq, event_count, segment_digest,"
                      + " ts_min, ts_max, created_at FROM chain_anchors"
                      + " WHERE tenant_id = ? AND session_id = ? ORDER BY last_seq")) {
            ps.setString(1, tenantId);
            ps.setString(2, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new ChainAnchor(
                        tenantId,
                        sessionId,
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)));
              }
            }
          }
          return out;
        });
  }
}
