package dev.agentlens.engine.store.sqlite;

import dev.agentlens.engine.model.AnalyticsQuery;
import dev.agentlens.engine.model.CostAnalytics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
final class SqliteCostAnalytics {
  private SqliteCostAnalytics() {}

  private static final int TOP_SESSIONS = 100;

  private static final String SQL =
      "SELECT %s AS bucket, agent_id, session_id, model, tool_name, sum(cost_usd),"
          + " sum(input_tokens), sum(output_tokens), sum(total_tokens), sum(cache_read_tokens),"
          + " sum(cache_write_tokens), count(*) FROM events WHERE %s"
          + " GROUP BY bucket, agent_id, session_id, model, tool_name";

  static CostAnalytics read(Connection c, AnalyticsQuery query) throws SQLException {
    SqliteAnalyticsFilter filter =
        SqliteAnalyticsFilter.events(query).and("event_type IN ('cost_tracked', 'llm_response')");
    String sql = SQL.formatted(SqliteBuckets.label(query.granularity(), "timestamp"), filter.sql());
    Map<String, Agent> agents = new HashMap<>();
    Map<String, Sum> models = new HashMap<>();
    Map<String, Sum> sessions = new HashMap<>();
    Map<String, Sum> tools = new HashMap<>();
    Map<String, Bucket> buckets = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      filter.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          double cost = rs.getDouble(6);
          long count = rs.getLong(12);
          String agentId = rs.getString(2);
          agents.computeIfAbsent(agentId, k -> new Agent()).add(rs, cost, count);
          sessions.computeIfAbsent(rs.getString(3), k -> new Sum()).add(cost, count);
          addUnlessNull(models, rs.getString(4), cost, count);
          addUnlessNull(tools, rs.getString(5), cost, count);
          buckets.computeIfAbsent(rs.getString(1), k -> new Bucket()).add(agentId, cost, count);
        }
      }
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

    void add(ResultSet rs, double cost, long count) throws SQLException {
      sum.add(cost, count);
      input += rs.getDouble(7);
      output += rs.getDouble(8);
      total += rs.getDouble(9);
      cacheRead += rs.getDouble(10);
      cacheWrite += rs.getDouble(11);
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
