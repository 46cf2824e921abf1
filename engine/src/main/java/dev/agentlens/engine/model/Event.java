package dev.agentlens.engine.model;

import java.util.Objects;

/**
 * A stored event: the 11 wire fields of reference §1.1 plus its per-session chain position {@code
 * seq} (not part of the wire shape). {@code payload} and {@code metadata} are canonical JSON text.
 */
public record Event(
    String id,
    String timestamp,
    String sessionId,
    String agentId,
    EventType eventType,
    Severity severity,
    String payload,
    String metadata,
    String prevHash,
    String hash,
    String tenantId,
    long seq) {

  public Event {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(tenantId, "tenantId");
    if (seq < 1) {
      throw new IllegalArgumentException("seq not >= 1");
    }
  }
}
