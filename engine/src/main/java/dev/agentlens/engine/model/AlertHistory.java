package dev.agentlens.engine.model;

import java.util.Objects;

/** One firing of a rule (reference §7.3); {@code resolvedAt} is set when its condition clears. */
public record AlertHistory(
    String id,
    String ruleId,
    String triggeredAt,
    String resolvedAt,
    double currentValue,
    double threshold,
    String message,
    String tenantId) {
  public AlertHistory {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(triggeredAt, "triggeredAt");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(tenantId, "tenantId");
  }
}
