package dev.agentlens.engine.store.sqlite;

import dev.agentlens.engine.model.AnalyticsQuery;
import dev.agentlens.engine.model.CostAnalytics;
import dev.agentlens.engine.store.CostFold;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * GET /api/analytics/costs (reference §6.2) over cost_tracked and llm_response events: one scan
 * grouped by (bucket, agent, session, model, tool), folded by {@link CostFold}.
 */
final class SqliteCostAnalytics {
  private SqliteCostAnalytics() {}

  private static final String SQL =
      "SELECT %s AS bucket, agent_id, session_id, model, tool_name, sum(cost_usd),"
          + " sum(input_tokens), sum(output_tokens), sum(total_tokens), sum(cache_read_tokens),"
          + " sum(cache_write_tokens), count(*) FROM events WHERE %s"
          + " GROUP BY bucket, agent_id, session_id, model, tool_name";

  static CostAnalytics read(Connection c, AnalyticsQuery query) throws SQLException {
    SqliteAnalyticsFilter filter =
        SqliteAnalyticsFilter.events(query).and("event_type IN ('cost_tracked', 'llm_response')");
    String sql = SQL.formatted(SqliteBuckets.label(query.granularity(), "timestamp"), filter.sql());
    CostFold fold = new CostFold();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      filter.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          fold.add(
              rs.getString(1),
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              rs.getString(5),
              rs.getDouble(6),
              rs.getDouble(7),
              rs.getDouble(8),
              rs.getDouble(9),
              rs.getDouble(10),
              rs.getDouble(11),
              rs.getLong(12));
        }
      }
    }
    return fold.result();
  }
}
