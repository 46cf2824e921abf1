package dev.agentlens.engine.store.postgres;

import dev.agentlens.engine.model.AgentAnalytics;
import dev.agentlens.engine.model.AnalyticsQuery;
import dev.agentlens.engine.model.AnalyticsResult;
import dev.agentlens.engine.model.CostAnalytics;
import dev.agentlens.engine.model.LlmAnalytics;
import dev.agentlens.engine.model.LlmQuery;
import dev.agentlens.engine.model.ToolAnalytics;
import dev.agentlens.engine.store.AnalyticsReads;
import dev.agentlens.engine.store.EdgeHour;
import dev.agentlens.engine.store.GroupDifference;
import dev.agentlens.engine.store.GroupSink;
import dev.agentlens.engine.store.GroupSums;
import dev.agentlens.engine.store.RollupWindow;
import dev.agentlens.engine.store.SummaryFold;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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

  /** A rollup hour labelled as its first instant. */
  private static final String HOUR_START = "(hour || ':00:00.000Z')";

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
    List<Part> parts = new ArrayList<>(5);
    parts.add(
        Part.folded(
            Statement.of(
                ROLLUP_SUMMARY,
                label(query, HOUR_START),
                PostgresBuckets.rollups(query, window.firstHour(), window.lastHour()))));
    for (RollupWindow.Range edge : new RollupWindow.Range[] {window.before(), window.after()}) {
      if (edge != null) {
        addEdge(parts, query, edge);
      }
    }
    return db.snapshot(
        c -> {
          List<Future<RowSet<Row>>> rows = new ArrayList<>(parts.size());
          for (Part p : parts) {
            rows.add(c.preparedQuery(p.statement().sql()).execute(p.statement().args()));
          }
          return Future.all(rows).map(all -> summary(parts, all.<RowSet<Row>>list()));
        });
  }

  /**
   * A partial hour: its events, or, when the rest of the hour is shorter, the hour's rollup rows
   * minus the events of the rest (see {@link EdgeHour}).
   */
  private static void addEdge(List<Part> parts, AnalyticsQuery query, RollupWindow.Range edge) {
    EdgeHour hour = EdgeHour.of(edge);
    if (!hour.restIsShorter()) {
      parts.add(
          Part.folded(
              Statement.of(
                  SUMMARY,
                  label(query, "timestamp"),
                  PostgresBuckets.events(query, edge.from(), edge.to()))));
      return;
    }
    GroupDifference difference = new GroupDifference();
    parts.add(
        new Part(
            Statement.of(
                ROLLUP_SUMMARY,
                label(query, HOUR_START),
                PostgresBuckets.rollups(query, hour.hour(), hour.hour())),
            difference,
            true));
    RollupWindow.Range rest = hour.rest();
    parts.add(
        new Part(
            Statement.of(
                SUMMARY,
                label(query, "timestamp"),
                PostgresBuckets.events(query, rest.from(), rest.to())),
            difference,
            false));
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

  /**
   * How one statement's rows enter the summary: straight into the fold, or added to ({@code plus})
   * or taken from an edge hour's {@link GroupDifference}.
   */
  private record Part(Statement statement, GroupDifference difference, boolean plus) {
    static Part folded(Statement s) {
      return new Part(s, null, true);
    }
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
    Part p = Part.folded(Statement.of(SUMMARY, label(query, "timestamp"), where));
    return db.query(p.statement().sql(), p.statement().args())
        .map(rows -> summary(List.of(p), List.of(rows)));
  }

  /** Folds the (bucket, session, agent, sums…) rows of each part, in the part's way. */
  private static AnalyticsResult summary(List<Part> parts, List<RowSet<Row>> rows) {
    SummaryFold fold = new SummaryFold();
    Map<GroupDifference, String> edgeLabels = new IdentityHashMap<>();
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      GroupDifference d = p.difference();
      for (Row r : rows.get(i)) {
        GroupSink sink;
        if (d == null) {
          sink = fold.into(r.getString(0));
        } else {
          edgeLabels.putIfAbsent(d, r.getString(0));
          sink = p.plus() ? d.plus() : d.minus();
        }
        sink.add(
            r.getString(1),
            r.getString(2),
            new GroupSums(
                r.getLong(3),
                r.getLong(4),
                r.getLong(5),
                PostgresRows.dbl(r, 6),
                r.getLong(7),
                PostgresRows.dbl(r, 8)));
      }
    }
    edgeLabels.forEach((d, label) -> d.drainTo(fold.into(label)));
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
