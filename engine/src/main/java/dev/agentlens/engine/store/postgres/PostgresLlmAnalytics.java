package dev.agentlens.engine.store.postgres;

import dev.agentlens.engine.model.LlmAnalytics;
import dev.agentlens.engine.model.LlmQuery;
import dev.agentlens.engine.store.LlmFold;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

/**
 * GET /api/analytics/llm (reference §6.2) over llm_response events: one scan grouped by (bucket,
 * provider, model), folded by {@link LlmFold}.
 */
final class PostgresLlmAnalytics {
  private PostgresLlmAnalytics() {}

  private static final String SQL =
      "SELECT %s AS bucket, provider, model, count(*), sum(cost_usd), sum(input_tokens),"
          + " sum(output_tokens), sum(latency_ms), count(latency_ms) FROM events WHERE %s"
          + " GROUP BY 1, 2, 3";

  static Future<LlmAnalytics> read(PostgresDatabase db, LlmQuery q) {
    PostgresWhere where =
        PostgresBuckets.window(q.tenantId(), q.from(), q.to())
            .and("event_type = 'llm_response'")
            .andIfPresent("agent_id = ?", q.agentId())
            .andIfPresent("model = ?", q.model())
            .andIfPresent("provider = ?", q.provider());
    String sql =
        SQL.formatted(PostgresBuckets.label(q.granularity(), "timestamp"), where.conditions());
    return db.query(PostgresWhere.sql(sql), where.tuple()).map(PostgresLlmAnalytics::fold);
  }

  private static LlmAnalytics fold(RowSet<Row> rows) {
    LlmFold fold = new LlmFold();
    for (Row r : rows) {
      fold.add(
          r.getString(0),
          r.getString(1),
          r.getString(2),
          r.getLong(3),
          PostgresRows.dbl(r, 4),
          PostgresRows.dbl(r, 5),
          PostgresRows.dbl(r, 6),
          PostgresRows.dbl(r, 7),
          r.getLong(8));
    }
    return fold.result();
  }
}
