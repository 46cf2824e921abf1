package dev.agentlens.api.http;

import dev.agentlens.engine.json.CanonicalJson;
import dev.agentlens.engine.model.Agent;
import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.Session;
import java.util.List;

/**
 * Wire shapes of the upstream API, written straight to text: payload and metadata are spliced as
 * the stored canonical JSON (never re-parsed), numbers use JavaScript formatting.
 */
public final class JsonViews {
  private JsonViews() {}

  public static void event(Event e, StringBuilder sb) {
    sb.append("{\"id\":");
    str(e.id(), sb);
    sb.append(",\"timestamp\":");
    str(e.timestamp(), sb);
    sb.append(",\"sessionId\":");
    str(e.sessionId(), sb);
    sb.append(",\"agentId\":");
    str(e.agentId(), sb);
    sb.append(",\"eventType\":\"").append(e.eventType().wire());
    sb.append("\",\"severity\":\"").append(e.severity().wire());
    sb.append("\",\"payload\":").append(e.payload());
    sb.append(",\"metadata\":").append(e.metadata());
    sb.append(",\"prevHash\":");
    str(e.prevHash(), sb);
    sb.append(",\"hash\":");
    str(e.hash(), sb);
    sb.append(",\"tenantId\":");
    str(e.tenantId(), sb);
    sb.append('}');
  }

  public static String event(Event e) {
    StringBuilder sb = new StringBuilder(256 + e.payload().length() + e.metadata().length());
    event(e, sb);
    return sb.toString();
  }

  public static void events(List<Event> events, StringBuilder sb) {
    sb.append('[');
    for (int i = 0; i < events.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      event(events.get(i), sb);
    }
    sb.append(']');
  }

  public static void session(Session s, StringBuilder sb) {
    sb.append("{\"id\":");
    str(s.id(), sb);
    sb.append(",\"agentId\":");
    str(s.agentId(), sb);
    if (s.agentName() != null) {
      sb.append(",\"agentName\":");
      str(s.agentName(), sb);
    }
    sb.append(",\"startedAt\":");
    str(s.startedAt(), sb);
    if (s.endedAt() != null) {
      sb.append(",\"endedAt\":");
      str(s.endedAt(), sb);
    }
    sb.append(",\"status\":\"").append(s.status().wire()).append('"');
    sb.append(",\"eventCount\":").append(s.eventCount());
    sb.append(",\"toolCallCount\":").append(s.toolCallCount());
    sb.append(",\"errorCount\":").append(s.errorCount());
    sb.append(",\"totalCostUsd\":").append(CanonicalJson.formatNumber(s.totalCostUsd()));
    sb.append(",\"llmCallCount\":").append(s.llmCallCount());
    sb.append(",\"totalInputTokens\":").append(s.totalInputTokens());
    sb.append(",\"totalOutputTokens\":").append(s.totalOutputTokens());
    sb.append(",\"tags\":");
    CanonicalJson.write(s.tags(), sb);
    sb.append(",\"tenantId\":");
    str(s.tenantId(), sb);
    sb.append('}');
  }

  public static String session(Session s) {
    StringBuilder sb = new StringBuilder(384);
    session(s, sb);
    return sb.toString();
  }

  public static void agent(Agent a, StringBuilder sb) {
    sb.append("{\"id\":");
    str(a.id(), sb);
    sb.append(",\"name\":");
    str(a.name(), sb);
    sb.append(",\"firstSeenAt\":");
    str(a.firstSeenAt(), sb);
    sb.append(",\"lastSeenAt\":");
    str(a.lastSeenAt(), sb);
    sb.append(",\"sessionCount\":").append(a.sessionCount());
    sb.append(",\"tenantId\":");
    str(a.tenantId(), sb);
    optional("description", a.description(), sb);
    optional("modelOverride", a.modelOverride(), sb);
    optional("pausedAt", a.pausedAt(), sb);
    optional("pauseReason", a.pauseReason(), sb);
    sb.append('}');
  }

  private static void optional(String key, String value, StringBuilder sb) {
    if (value != null) {
      sb.append(",\"").append(key).append("\":");
      str(value, sb);
    }
  }

  /** A JSON string, or null. */
  public static void str(String s, StringBuilder sb) {
    if (s == null) {
      sb.append("null");
    } else {
      CanonicalJson.writeString(s, sb);
    }
  }
}
