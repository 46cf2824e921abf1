package dev.agentlens.engine.store.postgres;

import dev.agentlens.engine.model.AgentAnalytics;
import dev.agentlens.engine.model.AnalyticsBucket;
import dev.agentlens.engine.model.AnalyticsQuery;
import dev.agentlens.engine.model.AnalyticsResult;
import dev.agentlens.engine.model.AnalyticsTotals;
import dev.agentlens.engine.model.CostAnalytics;
import dev.agentlens.engine.model.LlmAnalytics;
import dev.agentlens.engine.model.LlmQuery;
import dev.agentlens.engine.model.ToolAnalytics;
import dev.agentlens.engine.store.AnalyticsReads;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Analytics (reference §6) over the typed event columns; payload JSON is never parsed. Each
 * endpoint is one scan of its window grouped finely in SQL and folded in Java, so that distinct
 * session and agent counts of buckets and totals come from the same pass.
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

  @Override
  public Future<AnalyticsResult> summary(AnalyticsQuery query) {
    return summary(query, PostgresBuckets.events(query));
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

  private Future<AnalyticsResult> summary(AnalyticsQuery query, PostgresWhere where) {
    String sql =
        SUMMARY.formatted(
            PostgresBuckets.label(query.granularity(), "timestamp"), where.conditions());
    return db.query(PostgresWhere.sql(sql), where.tuple()).map(PostgresAnalyticsReads::summary);
  }

  private static AnalyticsResult summary(RowSet<Row> rows) {
    Map<String, Fold> buckets = new TreeMap<>();
    Fold total = new Fold();
    Set<String> agents = new HashSet<>();
    for (Row r : rows) {
      buckets.computeIfAbsent(r.getString(0), k -> new Fold()).add(r);
      total.add(r);
      agents.add(r.getString(2));
    }
    List<AnalyticsBucket> out = new ArrayList<>(buckets.size());
    buckets.forEach((label, f) -> out.add(f.bucket(label)));
    return new AnalyticsResult(out, total.totals(agents.size()));
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

  /** Sums of the summary columns over some (bucket, session, agent) groups. */
  private static final class Fold {
    private long events;
    private long toolCalls;
    private long errors;
    private double latencySum;
    private long latencyCount;
    private double cost;
    private final Set<String> sessions = new HashSet<>();

    void add(Row r) {
      sessions.add(r.getString(1));
      events += r.getLong(3);
      toolCalls += r.getLong(4);
      errors += r.getLong(5);
      latencySum += PostgresRows.dbl(r, 6);
      latencyCount += r.getLong(7);
      cost += PostgresRows.dbl(r, 8);
    }

    private double avgLatency() {
      return latencyCount > 0 ? latencySum / latencyCount : 0;
    }

    AnalyticsBucket bucket(String label) {
      return new AnalyticsBucket(
          label, events, toolCalls, errors, avgLatency(), cost, sessions.size());
    }

    AnalyticsTotals totals(long uniqueAgents) {
      return new AnalyticsTotals(
          events, toolCalls, errors, avgLatency(), cost, sessions.size(), uniqueAgents);
    }
  }
}
