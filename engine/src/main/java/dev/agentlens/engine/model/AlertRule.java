package dev.agentlens.engine.model;

import java.util.List;
import java.util.Objects;

/** An alert rule (reference §7.1), validated as upstream's create schema. */
public record AlertRule(
    String id,
    String name,
    boolean enabled,
    AlertCondition condition,
    double threshold,
    int windowMinutes,
    AlertScope scope,
    List<String> notifyChannels,
    String createdAt,
    String updatedAt,
    String tenantId) {

  public AlertRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(tenantId, "tenantId");
    if (name.isEmpty() || name.length() > 200) {
      throw new IllegalArgumentException("name length not in [1,200]");
    }
    if (!(threshold >= 0) || Double.isInfinite(threshold)) {
      throw new IllegalArgumentException("threshold not >= 0");
    }
    if (windowMinutes < 1 || windowMinutes > 43200) {
      throw new IllegalArgumentException("windowMinutes not in [1,43200]");
    }
    scope = scope == null ? AlertScope.ALL : scope;
    notifyChannels = notifyChannels == null ? List.of() : List.copyOf(notifyChannels);
  }
}
