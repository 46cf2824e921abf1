package dev.agentlens.engine.store;

import dev.agentlens.engine.model.AnalyticsBucket;
import dev.agentlens.engine.model.AnalyticsResult;
import dev.agentlens.engine.model.AnalyticsTotals;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Folds (bucket, session, agent) groups of GET /api/analytics into buckets and totals. Groups may
 * come from several sources (hourly rollups and raw edge hours) and repeat a bucket or a session:
 * sums add up, and sessions and agents are counted once per bucket and once in the totals.
 */
public final class SummaryFold {
  private final Map<String, Sums> buckets = new TreeMap<>();
  private final Sums total = new Sums();
  private final Set<String> agents = new HashSet<>();

  /** Adds one group; labels must sort in time order. */
  public void add(
      String bucket,
      String sessionId,
      String agentId,
      long events,
      long toolCalls,
      long errors,
      double latencySum,
      long latencyCount,
      double costUsd) {
    addBucket(
        bucket,
        List.of(sessionId),
        List.of(agentId),
        events,
        toolCalls,
        errors,
        latencySum,
        latencyCount,
        costUsd);
  }

  /**
   * Adds the sums of several groups of one bucket at once, with every session and agent in them.
   */
  public void addBucket(
      String bucket,
      Collection<String> sessionIds,
      Collection<String> agentIds,
      long events,
      long toolCalls,
      long errors,
      double latencySum,
      long latencyCount,
      double costUsd) {
    Sums b = buckets.computeIfAbsent(bucket, k -> new Sums());
    b.add(sessionIds, events, toolCalls, errors, latencySum, latencyCount, costUsd);
    total.add(sessionIds, events, toolCalls, errors, latencySum, latencyCount, costUsd);
    agents.addAll(agentIds);
  }

  /** The groups of one bucket. */
  public GroupSink into(String bucket) {
    return (s, a, events, toolCalls, errors, latencySum, latencyCount, cost) ->
        add(bucket, s, a, events, toolCalls, errors, latencySum, latencyCount, cost);
  }

  public AnalyticsResult result() {
    List<AnalyticsBucket> out = new ArrayList<>(buckets.size());
    buckets.forEach((label, s) -> out.add(s.bucket(label)));
    return new AnalyticsResult(out, total.totals(agents.size()));
  }

  private static final class Sums {
    private long events;
    private long toolCalls;
    private long errors;
    private double latencySum;
    private long latencyCount;
    private double cost;
    private final Set<String> sessions = new HashSet<>();

    void add(
        Collection<String> sessionIds,
        long events,
        long toolCalls,
        long errors,
        double latencySum,
        long latencyCount,
        double cost) {
      sessions.addAll(sessionIds);
      this.events += events;
      this.toolCalls += toolCalls;
      this.errors += errors;
      this.latencySum += latencySum;
      this.latencyCount += latencyCount;
      this.cost += cost;
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
