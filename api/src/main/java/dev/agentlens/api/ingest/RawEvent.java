package dev.agentlens.api.ingest;

import dev.agentlens.engine.model.EventType;
import dev.agentlens.engine.model.Severity;
import java.util.Map;

/**
 * One element of the {@code events} array as read, before and after validation. Envelope values are
 * kept as parsed ({@link Issues#ABSENT} when missing) so that a duplicate key can replace an
 * earlier one and validation sees only the last; validation then fills in the typed fields.
 */
final class RawEvent {
  /** False when the array element was not a JSON object; {@link #nonObject} holds it then. */
  boolean isObject = true;

  Object nonObject;
  Object sessionId = Issues.ABSENT;
  Object agentId = Issues.ABSENT;
  Object eventType = Issues.ABSENT;
  Object severity = Issues.ABSENT;
  Object payload = Issues.ABSENT;
  Object metadata = Issues.ABSENT;
  Object timestamp = Issues.ABSENT;
  Object id = Issues.ABSENT;

  // Filled in by EventValidator when the event is valid.
  EventType type;
  Severity level;

  /** Canonical timestamp, or null for "server time". */
  String canonicalTimestamp;

  @SuppressWarnings("unchecked")
  Map<String, Object> payloadMap() {
    return (Map<String, Object>) payload;
  }

  /** The metadata object, or null when it was absent. */
  @SuppressWarnings("unchecked")
  Map<String, Object> metadataMap() {
    return metadata == Issues.ABSENT ? null : (Map<String, Object>) metadata;
  }

  /** The client-supplied id, or null. */
  String clientId() {
    return isNoId(id) ? null : (String) id;
  }

  /** An absent, null or empty {@code id} asks the server to mint one. */
  static boolean isNoId(Object id) {
    return id == Issues.ABSENT || id == null || "".equals(id);
  }
}
