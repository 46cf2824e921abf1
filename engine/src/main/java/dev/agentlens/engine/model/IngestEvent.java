package dev.agentlens.engine.model;

import java.util.Objects;

/**
 * A validated, canonicalised event as the HTTP layer journals it: id minted (or client-supplied),
 * timestamp canonical, payload and metadata already canonical JSON text. Chain fields are assigned
 * later, by the drainer at commit time.
 */
public record IngestEvent(
    String tenantId,
    String id,
    boolean clientId,
    String timestamp,
    String sessionId,
    String agentId,
    EventType eventType,
    Severity severity,
    String payload,
    String metadata,
    PayloadFacts facts) {

  public IngestEvent {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(metadata, "metadata");
    facts = facts == null ? PayloadFacts.NONE : facts;
    if (tenantId.isEmpty() || sessionId.isEmpty() || agentId.isEmpty() || id.isEmpty()) {
      throw new IllegalArgumentException("tenantId, id, sessionId and agentId must not be empty");
    }
  }

  /** upstream's isError: severity error/critical or a tool_error. */
  public boolean isError() {
    return severity.isError() || eventType == EventType.TOOL_ERROR;
  }
}
