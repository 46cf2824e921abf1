package dev.agentlens.api.ingest;

import dev.agentlens.engine.model.EventType;
import dev.agentlens.engine.model.Severity;
import dev.agentlens.engine.model.Timestamps;
import java.util.Arrays;
import java.util.Map;

/**
 * Upstream's {@code ingestEventSchema} for one event: the envelope in schema order, then — only
 * when the whole envelope is valid — the payload schema of its type. Plus the SPEC §2 extensions:
 * timestamps with offsets (canonicalised) and an optional client {@code id}.
 */
final class EventValidator {
  static final int MAX_CLIENT_ID_LENGTH = 64;

  private static final Rule SESSION_ID = Rules.nonEmptyStr("sessionId is required");
  private static final Rule AGENT_ID = Rules.nonEmptyStr("agentId is required");
  private static final String EVENT_TYPE_MESSAGE =
      Issues.oneOf(EventType.INGESTIBLE.stream().map(EventType::wire).toList());
  private static final String SEVERITY_MESSAGE =
      Issues.oneOf(Arrays.stream(Severity.values()).map(Severity::wire).toList());

  private EventValidator() {}

  /**
   * Validates {@code e} with the cursor at its path ({@code events.N}), reporting every issue; when
   * valid, fills in its typed fields. Returns whether it was valid.
   */
  static boolean validate(RawEvent e, Issues issues) {
    if (!e.isObject) {
      issues.add(Issues.expected("object", e.nonObject));
      return false;
    }
    int before = issues.count();
    check(SESSION_ID, "sessionId", e.sessionId, issues);
    check(AGENT_ID, "agentId", e.agentId, issues);
    EventType type = e.eventType instanceof String s ? EventType.fromWire(s) : null;
    if (type == null || !type.clientIngestible()) {
      issues.add("eventType", EVENT_TYPE_MESSAGE);
    }
    Severity level =
        e.severity == Issues.ABSENT
            ? Severity.INFO
            : e.severity instanceof String s ? Severity.fromWire(s) : null;
    if (level == null) {
      issues.add("severity", SEVERITY_MESSAGE);
    }
    if (!(e.payload instanceof Map<?, ?>)) {
      issues.add("payload", Issues.expected("record", e.payload));
    }
    if (e.metadata != Issues.ABSENT && !(e.metadata instanceof Map<?, ?>)) {
      issues.add("metadata", Issues.expected("record", e.metadata));
    }
    String timestamp = timestamp(e.timestamp, issues);
    checkClientId(e.id, issues);
    if (issues.count() != before) {
      return false; // upstream validates the payload only inside a valid envelope
    }
    check(PayloadSchemas.of(type), "payload", e.payload, issues);
    if (issues.count() != before) {
      return false;
    }
    e.type = type;
    e.level = level;
    e.canonicalTimestamp = timestamp;
    return true;
  }

  private static void check(Rule rule, String key, Object value, Issues issues) {
    issues.enter(key);
    rule.check(value, issues);
    issues.leave();
  }

  /** The canonical form of a client timestamp, or null when absent or invalid. */
  private static String timestamp(Object value, Issues issues) {
    if (value == Issues.ABSENT) {
      return null;
    }
    if (!(value instanceof String s)) {
      issues.add("timestamp", Issues.expected("string", value));
      return null;
    }
    try {
      return Timestamps.canonicalize(s);
    } catch (IllegalArgumentException invalid) {
      issues.add("timestamp", "Invalid ISO datetime");
      return null;
    }
  }

  /**
   * SPEC §2 extension: 1–64 chars of {@code [0-9A-Za-z_-]}. {@code ""} and {@code null} mean "no
   * id": upstream ignored {@code id}, and the Go SDK always sends the key, empty when unset.
   */
  private static void checkClientId(Object value, Issues issues) {
    if (RawEvent.isNoId(value)) {
      return;
    }
    if (!(value instanceof String s)) {
      issues.add("id", Issues.expected("string", value));
    } else if (s.length() > MAX_CLIENT_ID_LENGTH) {
      issues.add("id", "Too big: expected string to have <=64 characters");
    } else if (!isIdChars(s)) {
      issues.add("id", "Invalid string: must match pattern /^[0-9A-Za-z_-]+$/");
    }
  }

  private static boolean isIdChars(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9')
              || (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || c == '_'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
