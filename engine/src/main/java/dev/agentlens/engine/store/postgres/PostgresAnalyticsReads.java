package dev.agentlens.engine.store.postgres;

import dev.agentlens.engine.model.AgentAnalytics;
import dev.agentlens.engine.model.AnalyticsQuery;
import dev.agentlens.engine.model.AnalyticsResult;
import dev.agentlens.engine.model.CostAnalytics;
import dev.agentlens.engine.model.LlmAnalytics;
import dev.agentlens.engine.model.LlmQuery;
import dev.agentlens.engine.model.ToolAnalytics;
import dev.agentlens.engine.store.AnalyticsReads;
import dev.agentlens.engine.store.RollupWindow;
import dev.agentlens.engine.store.SummaryFold;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Analytics (reference §6) over the typed event columns; payload JSON is never parsed. Each
 * endpoint is one scan of its window grouped finely in SQL and folded in Java, so that distinct
 * session and agent counts of buckets and totals come from the same pass; the summary scans the
 * hourly rollups for the window's whole hours (V3__event_rollups.sql) and events only at its edges.
 */
final class PostgresAnalyticsReads implements AnalyticsReads {

  private static final String SUMMARY =
      "SELECT %s AS bucket, session_id, agent_id, count(*),"
          + " count(*) FILTER (WHERE event_type = 'tool_call'),"
          + " count(*) FILTER (WHERE is_error),"
          + " sum(duration_ms) FILTER (WHERE event_type = 'tool_response'),"
          + " count(duration_ms) FILTER (WHERE event_type = 'tool_response'),"
          + " sum(cost_usd) FILTER (WHERE event_type = 'cost_tracked')"
          + " FROM events WHERE %s GROUP BY 1, 2, 3";

  /**
   * The SUMMARY columns from the rollups of whole hours. A rollup hour labelled as its first
   * instant falls in the same hour, day and ISO week bucket as each of its events.
   */
  private static final String ROLLUP_SUMMARY =
      "SELECT %s AS bucket, session_id, agent_id, sum(events)::int8, sum(tool_calls)::int8,"
          + " sum(errors)::int8, sum(latency_sum), sum(latency_count)::int8, sum(cost_usd)"
          + " FROM event_rollups WHERE %s GROUP BY 1, 2, 3";

  /** Sessions of the tenant carrying any of the tags (exact element match). */
  private static final String TAGGED_SESSIONS =
      "session_id IN (SELECT s.id FROM sessions s WHERE s.tenant_id = ? AND EXISTS"
          + " (SELECT 1 FROM json_array_elements_text(s.tags::json) AS t(v) WHERE t.v = ANY(?)))";

  private static final String AGENTS =
      "SELECT agent_id, count(*), sum(event_count)::int8, sum(error_count)::int8,"
          + " sum(total_cost_usd),"
          + " avg(round(extract(epoch FROM ended_at::timestamptz - started_at::timestamptz)"
          + " * 1000))::float8"
          + " FROM sessions WHERE %s GROUP BY agent_id ORDER BY 2 DESC, agent_id";

  private static final String TOOLS =
      "SELECT tool_name, count(*), count(*) FILTER (WHERE event_type = 'tool_error'),"
          + " avg(duration_ms) FILTER (WHERE event_type IN ('tool_response', 'tool_error'))"
          + " FROM events WHERE %s GROUP BY tool_name ORDER BY 2 DESC, tool_name";

  private final PostgresDatabase db;

  PostgresAnalyticsReads(PostgresDatabase db) {
    this.db = db;
  }

  /**
   * Whole hours of the window from {@code event_rollups}, the partial edge hours from events, all
   * in one snapshot; the rows of both have the same (bucket, session, agent) shape and go through
   * the same fold, so distinct sessions and agents stay exact across the two sources.
   */
  @Override
  public Future<AnalyticsResult> summary(AnalyticsQuery query) {
    RollupWindow window =
        RollupWindow.applies(query.from(), query.to())
            ? RollupWindow.of(query.from(), query.to())
            : null;
    if (window == null || !window.hasWholeHours()) {
      return summary(query, PostgresBuckets.events(query));
    }
    List<Statement> parts = new ArrayList<>(3);
    parts.add(
        Statement.of(
            ROLLUP_SUMMARY,
            label(query, "(hour || ':00:00.000Z')"),
            PostgresBuckets.rollups(query, window.firstHour(), window.lastHour())));
    for (RollupWindow.Range edge : new RollupWindow.Range[] {window.before(), window.after()}) {
      if (edge != null) {
        parts.add(
            Statement.of(
                SUMMARY,
                label(query, "timestamp"),
                PostgresBuckets.events(query, edge.from(), edge.to())));
      }
    }
    return db.snapshot(
        c -> {
          List<Future<RowSet<Row>>> rows = new ArrayList<>(parts.size());
          for (Statement p : parts) {
            rows.add(c.preparedQuery(p.sql()).execute(p.args()));
          }
          return Future.all(rows).map(all -> summary(all.<RowSet<Row>>list()));
        });
  }

  @Override
  public Future<AnalyticsResult> summaryForTags(AnalyticsQuery query, List<String> tags) {
    if (tags == null || tags.isEmpty()) {
      return summary(query);
    }
    PostgresWhere where =
        PostgresBuckets.events(query)
            .and(TAGGED_SESSIONS, query.tenantId(), tags.toArray(String[]::new));
    return summary(query, where);
  }

  @Override
  public Future<CostAnalytics> costs(AnalyticsQuery query) {
    return PostgresCostAnalytics.read(db, query);
  }

  @Override
  public Future<List<AgentAnalytics>> agents(AnalyticsQuery query) {
    PostgresWhere where =
        new PostgresWhere()
            .and("tenant_id = ?", query.tenantId())
            .and("started_at >= ?", query.from())
            .and("started_at <= ?", query.to())
            .andIfPresent("agent_id = ?", query.agentId());
    return db.query(PostgresWhere.sql(AGENTS.formatted(where.conditions())), where.tuple())
        .map(PostgresAnalyticsReads::agents);
  }

  @Override
  public Future<List<ToolAnalytics>> tools(AnalyticsQuery query) {
    PostgresWhere where =
        PostgresBuckets.events(query)
            .and("event_type IN ('tool_call', 'tool_response', 'tool_error')")
            .and("tool_name IS NOT NULL");
    return db.query(PostgresWhere.sql(TOOLS.formatted(where.conditions())), where.tuple())
        .map(PostgresAnalyticsReads::tools);
  }

  @Override
  public Future<LlmAnalytics> llm(LlmQuery query) {
    return PostgresLlmAnalytics.read(db, query);
  }

  /** A summary statement with its bucket label and conditions filled in. */
  private record Statement(String sql, Tuple args) {
    static Statement of(String template, String label, PostgresWhere where) {
      return new Statement(
          PostgresWhere.sql(template.formatted(label, where.conditions())), where.tuple());
    }
  }

  private static String label(AnalyticsQuery query, String column) {
    return PostgresBuckets.label(query.granularity(), column);
  }

  private Future<AnalyticsResult> summary(AnalyticsQuery query, PostgresWhere where) {
    Statement s = Statement.of(SUMMARY, label(query, "timestamp"), where);
    return db.query(s.sql(), s.args()).map(rows -> summary(List.of(rows)));
  }

  /** Folds (bucket, session, agent, sums…) rows, from any number of statements. */
  private static AnalyticsResult summary(List<RowSet<Row>> parts) {
    SummaryFold fold = new SummaryFold();
    for (RowSet<Row> rows : parts) {
      for (Row r : rows) {
        fold.add(
            r.getString(0),
            r.getString(1),
            r.getString(2),
            r.getLong(3),
            r.getLong(4),
            r.getLong(5),
            PostgresRows.dbl(r, 6),
            r.getLong(7),
            PostgresRows.dbl(r, 8));
      }
    }
    return fold.result();
  }

  private static List<AgentAnalytics> agents(RowSet<Row> rows) {
    List<AgentAnalytics> out = new ArrayList<>();
    for (Row r : rows) {
      long events = PostgresRows.lng(r, 2);
      long errors = PostgresRows.lng(r, 3);
      out.add(
          new AgentAnalytics(
              r.getString(0),
              r.getLong(1),
              events,
              errors,
              events > 0 ? (double) errors / events : 0,
              PostgresRows.dbl(r, 4),
              PostgresRows.dbl(r, 5)));
    }
    return out;
  }

  private static List<ToolAnalytics> tools(RowSet<Row> rows) {
    List<ToolAnalytics> out = new ArrayList<>();
    for (Row r : rows) {
      long calls = r.getLong(1);
      long errors = r.getLong(2);
      out.add(
          new ToolAnalytics(
              r.getString(0),
              calls,
              errors,
              calls > 0 ? (double) errors / calls : 0,
              PostgresRows.dbl(r, 3)));
    }
    return out;
  }
}
