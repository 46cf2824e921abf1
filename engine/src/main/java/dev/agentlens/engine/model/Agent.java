package dev.agentlens.engine.model;

import java.util.Objects;

/** An agent as returned (reference §4); {@code sessionCount} is the true count of its sessions. */
public record Agent(
    String id,
    String name,
    String firstSeenAt,
    String lastSeenAt,
    long sessionCount,
    String tenantId,
    String description,
    String modelOverride,
    String pausedAt,
    String pauseReason) {

  public Agent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(firstSeenAt, "firstSeenAt");
    Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    Objects.requireNonNull(tenantId, "tenantId");
  }
}
