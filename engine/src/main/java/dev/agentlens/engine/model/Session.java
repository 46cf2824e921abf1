package dev.agentlens.engine.model;

import java.util.List;
import java.util.Objects;

/** A session as returned (reference §3.1); {@code status} already has idle derived. */
public record Session(
    String id,
    String agentId,
    String agentName,
    String startedAt,
    String endedAt,
    SessionStatus status,
    long eventCount,
    long toolCallCount,
    long errorCount,
    double totalCostUsd,
    long llmCallCount,
    long totalInputTokens,
    long totalOutputTokens,
    List<String> tags,
    String tenantId,
    String lastEventAt) {

  public Session {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(tenantId, "tenantId");
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
