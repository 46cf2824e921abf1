package dev.agentlens.engine.store;

import dev.agentlens.engine.model.CostAnalytics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Folds cost rows grouped by (bucket, agent, session, model, tool) into GET /api/analytics/costs
 * (reference §6.2), the same way on every backend. Events without a model (tool name) are left out
 * of byModel (byTool) rather than grouped under null.
 */
public final class CostFold {
  private static final int TOP_SESSIONS = 100;

  private final Map<String, Agent> agents = new HashMap<>();
  private final Map<String, Sum> models = new HashMap<>();
  private final Map<String, Sum> sessions = new HashMap<>();
  private final Map<String, Sum> tools = new HashMap<>();
  private final Map<String, Bucket> buckets = new TreeMap<>();

  /** One grouped row: sums of cost and tokens and the number of events behind them. */
  public void add(
      String bucket,
      String agentId,
      String sessionId,
      String model,
      String toolName,
      double cost,
      double input,
      double output,
      double total,
      double cacheRead,
      double cacheWrite,
      long count) {
    agents
        .computeIfAbsent(agentId, k -> new Agent())
        .add(cost, count, input, output, total, cacheRead, cacheWrite);
    sessions.computeIfAbsent(sessionId, k -> new Sum()).add(cost, count);
    addUnlessNull(models, model, cost, count);
    addUnlessNull(tools, toolName, cost, count);
    buckets.computeIfAbsent(bucket, k -> new Bucket()).add(agentId, cost, count);
  }

  /** The five breakdowns, each sorted by cost desc (sessions: top 100), and the totals. */
  public CostAnalytics result() {
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

    void add(double cost, long count, double in, double out, double tot, double cr, double cw) {
      sum.add(cost, count);
      input += in;
      output += out;
      total += tot;
      cacheRead += cr;
      cacheWrite += cw;
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
