package dev.agentlens.engine.model;

import java.util.Objects;

/**
 * GET /api/analytics/llm: llm_response events in a window, optionally by agent, model, provider.
 */
public record LlmQuery(
    String tenantId,
    String from,
    String to,
    Granularity granularity,
    String agentId,
    String model,
    String provider) {
  public LlmQuery {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    granularity = granularity == null ? Granularity.HOUR : granularity;
  }
}
