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

  /**
   * Adds the sums of one or more groups of one bucket, with every session and agent in them; labels
   * must sort in time order.
   */
  public void addBucket(
      String bucket, Collection<String> sessionIds, Collection<String> agentIds, GroupSums sums) {
    buckets.computeIfAbsent(bucket, k -> new Sums()).add(sessionIds, sums);
    total.add(sessionIds, sums);
    agents.addAll(agentIds);
  }

  /** The groups of one bucket. */
  public GroupSink into(String bucket) {
    return (s, a, sums) -> addBucket(bucket, List.of(s), List.of(a), sums);
  }

  public AnalyticsResult result() {
    List<AnalyticsBucket> out = new ArrayList<>(buckets.size());
    buckets.forEach((label, s) -> out.add(s.bucket(label)));
    return new AnalyticsResult(out, total.totals(agents.size()));
  }

  private static final class Sums {
    private GroupSums sums = GroupSums.ZERO;
    private final Set<String> sessions = new HashSet<>();

    void add(Collection<String> sessionIds, GroupSums more) {
      sessions.addAll(sessionIds);
      sums = sums.plus(more);
    }

    AnalyticsBucket bucket(String label) {
      return new AnalyticsBucket(
          label,
          sums.events(),
          sums.toolCalls(),
          sums.errors(),
          sums.avgLatency(),
          sums.costUsd(),
          sessions.size());
    }

    AnalyticsTotals totals(long uniqueAgents) {
      return new AnalyticsTotals(
          sums.events(),
          sums.toolCalls(),
          sums.errors(),
          sums.avgLatency(),
          sums.costUsd(),
          sessions.size(),
          uniqueAgents);
    }
  }
}
