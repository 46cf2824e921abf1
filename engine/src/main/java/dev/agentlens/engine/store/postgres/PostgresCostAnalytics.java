package dev.agentlens.engine.store.postgres;

import dev.agentlens.engine.model.AnalyticsQuery;
import dev.agentlens.engine.model.CostAnalytics;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * GET /api/analytics/costs (reference §6.2) over cost_tracked and llm_response events: one scan
 * grouped by (bucket, agent, session, model, tool), folded into the five breakdowns. Events without
 * a model (tool name) are left out of byModel (byTool) rather than grouped under null.
 */
final class PostgresCostAnalytics {
  private PostgresCostAnalytics() {}

  private static final int TOP_SESSIONS = 100;

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
    Map<String, Agent> agents = new HashMap<>();
    Map<String, Sum> models = new HashMap<>();
    Map<String, Sum> sessions = new HashMap<>();
    Map<String, Sum> tools = new HashMap<>();
    Map<String, Bucket> buckets = new TreeMap<>();
    for (Row r : rows) {
      double cost = PostgresRows.dbl(r, 5);
      long count = r.getLong(11);
      String agentId = r.getString(1);
      agents.computeIfAbsent(agentId, k -> new Agent()).add(r, cost, count);
      sessions.computeIfAbsent(r.getString(2), k -> new Sum()).add(cost, count);
      addUnlessNull(models, r.getString(3), cost, count);
      addUnlessNull(tools, r.getString(4), cost, count);
      buckets.computeIfAbsent(r.getString(0), k -> new Bucket()).add(agentId, cost, count);
    }
    return result(agents, models, sessions, tools, buckets);
  }

  private static CostAnalytics result(
      Map<String, Agent> agents,
      Map<String, Sum> models,
      Map<String, Sum> sessions,
      Map<String, Sum> tools,
      Map<String, Bucket> buckets) {
    List<CostAnalytics.ByAgent> byAgent =
        byCost(agents, a -> a.sum.cost, (id, a) -> a.row(id), Integer.MAX_VALUE);
    List<CostAnalytics.ByModel> byModel =
        byCost(
            models,
            s -> s.cost,
            (k, s) -> new CostAnalytics.ByModel(k, s.cost, s.count),
            Integer.MAX_VALUE);
    List<CostAnalytics.BySession> bySession =
        byCost(
            sessions,
            s -> s.cost,
            (k, s) -> new CostAnalytics.BySession(k, s.cost, s.count),
            TOP_SESSIONS);
    List<CostAnalytics.ByTool> byTool =
        byCost(
            tools,
            s -> s.cost,
            (k, s) -> new CostAnalytics.ByTool(k, s.cost, s.count),
            Integer.MAX_VALUE);
    List<CostAnalytics.OverTime> overTime = new ArrayList<>(buckets.size());
    buckets.forEach(
        (label, b) ->
            overTime.add(new CostAnalytics.OverTime(label, b.sum.cost, b.sum.count, b.byAgent)));
    double cost = 0;
    double in = 0;
    double out = 0;
    double total = 0;
    for (CostAnalytics.ByAgent a : byAgent) {
      cost += a.totalCostUsd();
      in += a.totalInputTokens();
      out += a.totalOutputTokens();
      total += a.totalTokens();
    }
    return new CostAnalytics(
        byAgent,
        byModel,
        bySession,
        byTool,
        overTime,
        new CostAnalytics.Totals(cost, in, out, total));
  }

  /** Rows sorted by cost desc, then key, at most {@code limit}. */
  private static <V, R> List<R> byCost(
      Map<String, V> groups, Function<V, Double> cost, BiFunction<String, V, R> row, int limit) {
    return groups.entrySet().stream()
        .sorted(
            Comparator.comparing((Map.Entry<String, V> e) -> cost.apply(e.getValue()))
                .reversed()
                .thenComparing(Map.Entry::getKey))
        .limit(limit)
        .map(e -> row.apply(e.getKey(), e.getValue()))
        .toList();
  }

  private static void addUnlessNull(Map<String, Sum> map, String key, double cost, long count) {
    if (key != null) {
      map.computeIfAbsent(key, k -> new Sum()).add(cost, count);
    }
  }

  private static final class Sum {
    double cost;
    long count;

    void add(double c, long n) {
      cost += c;
      count += n;
    }
  }

  private static final class Agent {
    final Sum sum = new Sum();
    double input;
    double output;
    double total;
    double cacheRead;
    double cacheWrite;

    void add(Row r, double cost, long count) {
      sum.add(cost, count);
      input += PostgresRows.dbl(r, 6);
      output += PostgresRows.dbl(r, 7);
      total += PostgresRows.dbl(r, 8);
      cacheRead += PostgresRows.dbl(r, 9);
      cacheWrite += PostgresRows.dbl(r, 10);
    }

    CostAnalytics.ByAgent row(String agentId) {
      return new CostAnalytics.ByAgent(
          agentId, sum.cost, input, output, total, cacheRead, cacheWrite, sum.count);
    }
  }

  private static final class Bucket {
    final Sum sum = new Sum();
    final Map<String, Double> byAgent = new HashMap<>();

    void add(String agentId, double cost, long count) {
      sum.add(cost, count);
      byAgent.merge(agentId, cost, Double::sum);
    }
  }
}
