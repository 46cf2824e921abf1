package dev.agentlens.engine.model;

import java.util.Objects;

/**
 * A time window of one tenant's events, inclusive on canonical timestamps, optionally one agent.
 */
public record AnalyticsQuery(
    String tenantId,
    String from,
    String to,
    Granularity granularity,
    String agentId,
    boolean excludeMetrics) {

  public AnalyticsQuery {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    granularity = granularity == null ? Granularity.HOUR : granularity;
  }
}
