package dev.agentlens.engine.store.postgres;

import dev.agentlens.engine.json.CanonicalJson;
import dev.agentlens.engine.model.IngestEvent;

/**
 * The quarantined form of an event: its wire fields, payload and metadata spliced as stored text.
 */
final class PostgresDeadLetterJson {
  private PostgresDeadLetterJson() {}

  static String of(IngestEvent e) {
    StringBuilder sb = new StringBuilder(256 + e.payload().length() + e.metadata().length());
    sb.append("{\"id\":");
    CanonicalJson.writeString(e.id(), sb);
    sb.append(",\"timestamp\":");
    CanonicalJson.writeString(e.timestamp(), sb);
    sb.append(",\"sessionId\":");
    CanonicalJson.writeString(e.sessionId(), sb);
    sb.append(",\"agentId\":");
    CanonicalJson.writeString(e.agentId(), sb);
    sb.append(",\"eventType\":\"").append(e.eventType().wire());
    sb.append("\",\"severity\":\"").append(e.severity().wire());
    sb.append("\",\"payload\":").append(e.payload());
    sb.append(",\"metadata\":").append(e.metadata()).append('}');
    return sb.toString();
  }
}
