package dev.agentlens.engine.store.sqlite;

import dev.agentlens.engine.model.LlmAnalytics;
import dev.agentlens.engine.model.LlmQuery;
import dev.agentlens.engine.store.LlmFold;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * GET /api/analytics/llm (reference §6.2) over llm_response events: one scan grouped by (bucket,
 * provider, model), folded by {@link LlmFold}.
 */
final class SqliteLlmAnalytics {
  private SqliteLlmAnalytics() {}

  private static final String SQL =
      "SELECT %s AS bucket, provider, model, count(*), sum(cost_usd), sum(input_tokens),"
          + " sum(output_tokens), sum(latency_ms), count(latency_ms) FROM events WHERE %s"
          + " GROUP BY bucket, provider, model";

  static LlmAnalytics read(Connection c, LlmQuery q) throws SQLException {
    SqliteAnalyticsFilter filter =
        SqliteAnalyticsFilter.events(q.tenantId(), q.from(), q.to())
            .and("event_type = 'llm_response'")
            .andIfPresent("agent_id = ?", q.agentId())
            .andIfPresent("model = ?", q.model())
            .andIfPresent("provider = ?", q.provider());
    String sql = SQL.formatted(SqliteBuckets.label(q.granularity(), "timestamp"), filter.sql());
    LlmFold fold = new LlmFold();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      filter.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          fold.add(
              rs.getString(1),
              rs.getString(2),
              rs.getString(3),
              rs.getLong(4),
              rs.getDouble(5),
              rs.getDouble(6),
              rs.getDouble(7),
              rs.getDouble(8),
              rs.getLong(9));
        }
      }
    }
    return fold.result();
  }
}
