package dev.agentlens.engine.store.postgres;

import dev.agentlens.engine.model.AnalyticsQuery;
import dev.agentlens.engine.model.CostAnalytics;
import dev.agentlens.engine.store.CostFold;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

/**
 * GET /api/analytics/costs (reference §6.2) over cost_tracked and llm_response events: one scan
 * grouped by (bucket, agent, session, model, tool), folded by {@link CostFold}.
 */
final class PostgresCostAnalytics {
  private PostgresCostAnalytics() {}

  private static final String SQL =
      "SELECT %s AS bucket, agent_id, session_id, model, tool_name, sum(cost_usd),"
          + " sum(input_tokens), sum(output_tokens), sum(total_tokens), sum(cache_read_tokens),"
          + " sum(cache_write_tokens), count(*) FROM events WHERE %s"
          + " GROUP BY 1, 2, 3, 4, 5";

  static Future<CostAnalytics> read(PostgresDatabase db, AnalyticsQuery query) {
    PostgresWhere where =
        PostgresBuckets.events(query).and("event_type IN ('cost_tracked', 'llm_response')");
    String sql =
        SQL.formatted(PostgresBuckets.label(query.granularity(), "timestamp"), where.conditions());
    return db.query(PostgresWhere.sql(sql), where.tuple()).map(PostgresCostAnalytics::fold);
  }

  private static CostAnalytics fold(RowSet<Row> rows) {
    CostFold fold = new CostFold();
    for (Row r : rows) {
      fold.add(
          r.getString(0),
          r.getString(1),
          r.getString(2),
          r.getString(3),
          r.getString(4),
          PostgresRows.dbl(r, 5),
          PostgresRows.dbl(r, 6),
          PostgresRows.dbl(r, 7),
          PostgresRows.dbl(r, 8),
          PostgresRows.dbl(r, 9),
          PostgresRows.dbl(r, 10),
          r.getLong(11));
    }
    return fold.result();
  }
}
