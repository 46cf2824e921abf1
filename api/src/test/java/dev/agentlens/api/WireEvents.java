package dev.agentlens.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** Valid upstream wire events of all 21 client-ingestible types (reference §1.3). */
public final class WireEvents {
  private WireEvents() {}

  public static final Map<String, JsonObject> PAYLOADS = payloads();

  public static JsonObject event(String sessionId, String agentId, String type) {
    return new JsonObject()
        .put("sessionId", sessionId)
        .put("agentId", agentId)
        .put("eventType", type)
        .put("payload", PAYLOADS.get(type).copy());
  }

  public static String body(JsonArray events) {
    return new JsonObject().put("events", events).encode();
  }

  private static Map<String, JsonObject> payloads() {
    Map<String, JsonObject> m = new LinkedHashMap<>();
    m.put(
        "session_started",
        new JsonObject().put("agentName", "Support Bot").put("tags", new JsonArray().add("prod")));
    m.put("session_ended", new JsonObject().put("reason", "completed").put("summary", "done"));
    m.put(
        "tool_call",
        new JsonObject()
            .put("toolName", "search")
            .put("callId", "c1")
            .put("arguments", new JsonObject().put("q", "refund policy")));
    m.put(
        "tool_response",
        new JsonObject()
            .put("callId", "c1")
            .put("toolName", "search")
            .put("result", new JsonObject().put("hits", 3))
            .put("durationMs", 120));
    m.put(
        "tool_error",
        new JsonObject()
            .put("callId", "c2")
            .put("toolName", "fetch")
            .put("error", "timeout")
            .put("durationMs", 3000));
    m.put(
        "approval_requested",
        new JsonObject()
            .put("requestId", "r1")
            .put("action", "refund")
            .put("params", new JsonObject().put("amount", 20))
            .put("urgency", "normal"));
    for (String t : new String[] {"approval_granted", "approval_denied", "approval_expired"}) {
      m.put(
          t,
          new JsonObject().put("requestId", "r1").put("action", "refund").put("decidedBy", "ops"));
    }
    m.put(
        "form_submitted",
        new JsonObject().put("submissionId", "s1").put("formId", "f1").put("fieldCount", 4));
    m.put(
        "form_completed",
        new JsonObject()
            .put("submissionId", "s1")
            .put("formId", "f1")
            .put("completedBy", "user")
            .put("durationMs", 5000));
    m.put(
        "form_expired",
        new JsonObject()
            .put("submissionId", "s2")
            .put("formId", "f1")
            .put("expiredAfterMs", 60000));
    m.put(
        "cost_tracked",
        new JsonObject()
            .put("provider", "openai")
            .put("model", "gpt-4o")
            .put("inputTokens", 100)
            .put("outputTokens", 50)
            .put("totalTokens", 150)
            .put("costUsd", 0.25));
    m.put(
        "llm_call",
        new JsonObject()
            .put("callId", "l1")
            .put("provider", "openai")
            .put("model", "gpt-4o")
            .put(
                "messages",
                new JsonArray().add(new JsonObject().put("role", "user").put("content", "hi"))));
    m.put(
        "llm_response",
        new JsonObject()
            .put("callId", "l1")
            .put("provider", "openai")
            .put("model", "gpt-4o")
            .put("completion", "hello")
            .put("finishReason", "stop")
            .put(
                "usage",
                new JsonObject()
                    .put("inputTokens", 10)
                    .put("outputTokens", 5)
                    .put("totalTokens", 15))
            .put("costUsd", 0.5)
            .put("latencyMs", 800));
    m.put(
        "alert_triggered",
        new JsonObject()
            .put("alertRuleId", "a1")
            .put("alertName", "errors")
            .put("condition", "error_rate_exceeds")
            .put("currentValue", 0.5)
            .put("threshold", 0.1)
            .put("message", "too many errors"));
    m.put("alert_resolved", new JsonObject().put("alertRuleId", "a1").put("alertName", "errors"));
    m.put("retrieval", new JsonObject().put("query", "refunds").put("topK", 5));
    m.put("embedding", new JsonObject().put("model", "text-embedding-3").put("inputCount", 2));
    m.put("chain_step", new JsonObject().put("name", "plan").put("durationMs", 12));
    m.put(
        "custom",
        new JsonObject().put("type", "checkpoint").put("data", new JsonObject().put("k", "v")));
    return m;
  }
}
