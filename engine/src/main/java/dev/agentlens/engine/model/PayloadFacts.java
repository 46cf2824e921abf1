package dev.agentlens.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The payload fields that aggregates and analytics read, extracted once at ingest so that neither
 * the drainer nor a query ever parses payload JSON per row (SPEC §8). Numbers are null when absent
 * or not numeric; aggregates treat null as 0 exactly as upstream's {@code Number(x) || 0}.
 */
public record PayloadFacts(
    String toolName,
    String model,
    String provider,
    Double costUsd,
    Double inputTokens,
    Double outputTokens,
    Double totalTokens,
    Double cacheReadTokens,
    Double cacheWriteTokens,
    Double durationMs,
    Double latencyMs,
    String agentName,
    List<String> tags,
    String endReason) {

  public static final PayloadFacts NONE =
      new PayloadFacts(
          null, null, null, null, null, null, null, null, null, null, null, null, List.of(), null);

  public PayloadFacts {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  public double costOrZero() {
    return costUsd == null ? 0 : costUsd;
  }

  public double inputTokensOrZero() {
    return inputTokens == null ? 0 : inputTokens;
  }

  public double outputTokensOrZero() {
    return outputTokens == null ? 0 : outputTokens;
  }

  /**
   * Reads the hot fields from a (validated, possibly truncated) payload as upstream reads them:
   * defensively, non-numbers are absent. Tokens are {@code payload.X ?? payload.usage.X}.
   */
  public static PayloadFacts extract(EventType type, Map<String, Object> payload) {
    Map<String, Object> usage = payload.get("usage") instanceof Map<?, ?> u ? cast(u) : Map.of();
    List<String> tags = List.of();
    if (type == EventType.SESSION_STARTED && payload.get("tags") instanceof List<?> list) {
      List<String> t = new ArrayList<>(list.size());
      for (Object o : list) {
        if (o instanceof String s) {
          t.add(s);
        }
      }
      tags = t;
    }
    return new PayloadFacts(
        string(payload.get("toolName")),
        string(payload.get("model")),
        string(payload.get("provider")),
        number(payload.get("costUsd")),
        either(payload, usage, "inputTokens"),
        either(payload, usage, "outputTokens"),
        either(payload, usage, "totalTokens"),
        either(payload, usage, "cacheReadTokens"),
        either(payload, usage, "cacheWriteTokens"),
        number(payload.get("durationMs")),
        number(payload.get("latencyMs")),
        string(payload.get("agentName")),
        tags,
        type == EventType.SESSION_ENDED ? string(payload.get("reason")) : null);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }

  private static Double either(Map<String, Object> payload, Map<String, Object> usage, String k) {
    Double top = number(payload.get(k));
    return top != null ? top : number(usage.get(k));
  }

  private static Double number(Object o) {
    return o instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
  }

  private static String string(Object o) {
    return o instanceof String s ? s : null;
  }
}
