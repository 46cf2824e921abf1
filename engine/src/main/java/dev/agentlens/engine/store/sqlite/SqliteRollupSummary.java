package dev.agentlens.engine.store.sqlite;

import dev.agentlens.engine.model.AnalyticsQuery;
import dev.agentlens.engine.model.AnalyticsResult;
import dev.agentlens.engine.store.EdgeHour;
import dev.agentlens.engine.store.GroupDifference;
import dev.agentlens.engine.store.GroupSink;
import dev.agentlens.engine.store.RollupWindow;
import dev.agentlens.engine.store.SummaryFold;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * GET /api/analytics with at least one whole hour in its window: whole hours from {@code
 * event_rollups} (one row per hour, session, agent), the partial hours at the edges from the
 * events, folded together in one read snapshot. A 24h window of 10M events over 30 days reads a few
 * thousand rollup rows and one hour of events instead of 330k events.
 */
final class SqliteRollupSummary {
  private SqliteRollupSummary() {}

  /**
   * Whole hours summed per bucket in SQLite, each bucket's sessions and agents as JSON arrays: at
   * 10M events a 24h window's ~4,800 rollup rows fold in ~2 ms there, against ~10 ms to hand each
   * row to Java through JDBC.
   */
  private static final String ROLLUP_BUCKETS =
      "SELECT %s AS bucket, json_group_array(DISTINCT session_id),"
          + " json_group_array(DISTINCT agent_id), sum(events), sum(tool_calls), sum(errors),"
          + " sum(latency_sum), sum(latency_count), sum(cost_usd) FROM event_rollups WHERE %s"
          + " GROUP BY bucket";

  /** Rows as stored: the (session, agent) groups of an edge's hour. */
  private static final String ROLLUPS =
      "SELECT session_id, agent_id, events, tool_calls, errors, latency_sum, latency_count,"
          + " cost_usd FROM event_rollups WHERE %s";

  private static final String EDGE =
      "SELECT session_id, agent_id, "
          + SqliteAnalyticsReads.GROUP_SUMS
          + " FROM events WHERE %s GROUP BY session_id, agent_id";

  static AnalyticsResult read(Connection c, AnalyticsQuery q, RollupWindow w) throws SQLException {
    SummaryFold fold = new SummaryFold();
    foldRollups(c, q, w, fold);
    for (RollupWindow.Range edge : new RollupWindow.Range[] {w.before(), w.after()}) {
      if (edge != null) {
        foldEdge(c, q, edge, fold);
      }
    }
    return fold.result();
  }

  /**
   * A partial hour lies inside one bucket of any granularity, so its events are grouped by session
   * and agent only: grouping by a computed bucket label as well made SQLite sort twice as long (26
   * vs 13 ms for 9k events). When the rest of the hour is the shorter span, the edge is that hour's
   * rollup rows minus the rest's events.
   */
  private static void foldEdge(
      Connection c, AnalyticsQuery q, RollupWindow.Range edge, SummaryFold fold)
      throws SQLException {
    GroupSink bucket = fold.into(SqliteBucketRange.of(q.granularity(), edge.from()).label());
    EdgeHour hour = EdgeHour.of(edge);
    if (!hour.restIsShorter()) {
      readGroups(c, EDGE, SqliteAnalyticsFilter.events(q, edge.from(), edge.to()), bucket);
      return;
    }
    GroupDifference difference = new GroupDifference();
    readGroups(
        c, ROLLUPS, SqliteAnalyticsFilter.rollups(q, hour.hour(), hour.hour()), difference.plus());
    RollupWindow.Range rest = hour.rest();
    readGroups(
        c, EDGE, SqliteAnalyticsFilter.events(q, rest.from(), rest.to()), difference.minus());
    difference.drainTo(bucket);
  }

  /** Hands each (session, agent, sums…) row of {@code template} to {@code sink}. */
  private static void readGroups(
      Connection c, String template, SqliteAnalyticsFilter filter, GroupSink sink)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(template.formatted(filter.sql()))) {
      filter.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          SqliteAnalyticsReads.addGroup(sink, rs, 1);
        }
      }
    }
  }

  private static void foldRollups(Connection c, AnalyticsQuery q, RollupWindow w, SummaryFold fold)
      throws SQLException {
    SqliteAnalyticsFilter filter = SqliteAnalyticsFilter.rollups(q, w.firstHour(), w.lastHour());
    String sql =
        ROLLUP_BUCKETS.formatted(SqliteBuckets.label(q.granularity(), "hour"), filter.sql());
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      filter.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          fold.addBucket(
              rs.getString(1),
              SqliteJson.stringList(rs.getString(2)),
              SqliteJson.stringList(rs.getString(3)),
              SqliteAnalyticsReads.sums(rs, 4));
        }
      }
    }
  }
}
