package dev.agentlens.engine.model;

import java.util.List;

/** GET /api/analytics: non-empty buckets ascending, and totals. */
public record AnalyticsResult(List<AnalyticsBucket> buckets, AnalyticsTotals totals) {
  public AnalyticsResult {
    buckets = List.copyOf(buckets);
  }
}
