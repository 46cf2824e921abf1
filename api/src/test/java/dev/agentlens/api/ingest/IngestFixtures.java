package dev.agentlens.api.ingest;

import dev.agentlens.engine.json.CanonicalJson;
import dev.agentlens.engine.json.UlidGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Realistic payloads of every ingestible type and helpers to build request bodies. */
final class IngestFixtures {
  static final Instant NOW = Instant.parse("2026-02-08T12:00:00.123456Z");
  static final String NOW_TEXT = "2026-02-08T12:00:00.123Z";

  /** A valid payload of each of the 21 client-ingestible types, as JSON text. */
  static final Map<String, String> VALID_PAYLOADS = validPayloads();

  private IngestFixtures() {}

  static IngestParser parser() {
    return parser(1000);
  }

  static IngestParser parser(int maxBatchEvents) {
    return new IngestParser(ids(), Clock.fixed(NOW, ZoneOffset.UTC), maxBatchEvents);
  }

  /** Deterministic: a fixed clock and a seeded random. */
  static UlidGenerator ids() {
    return new UlidGenerator(() -> NOW, new SplittableRandom(42));
  }

  /** A mutable event: sessionId s1, agentId a1, the type and its valid payload. */
  static Map<String, Object> event(String type) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("sessionId", "s1");
    e.put("agentId", "a1");
    e.put("eventType", type);
    e.put("payload", CanonicalJson.parse(VALID_PAYLOADS.get(type)));
    return e;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> payloadOf(Map<String, Object> event) {
    return (Map<String, Object>) event.get("payload");
  }

  static byte[] body(List<?> events) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("events", events);
    return bytes(CanonicalJson.write(body));
  }

  static byte[] body(Map<String, Object> event) {
    return body(List.of(event));
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A mixed, realistic batch: an agent's LLM and tool traffic across a few sessions. */
  static byte[] realisticBatch(int n) {
    String[] cycle = {
      "llm_call", "llm_response", "cost_tracked", "tool_call", "tool_response", "custom"
    };
    List<Object> events = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Map<String, Object> e = event(i == 0 ? "session_started" : cycle[i % cycle.length]);
      e.put("sessionId", "sess-" + (i % 4));
      e.put("agentId", "support-agent-v2");
      e.put("timestamp", "2026-02-08T10:00:" + String.format("%02d", i % 60) + ".123456Z");
      if (i % 3 == 0) {
        e.put("severity", "debug");
      }
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("env", "prod");
      metadata.put("region", "eu-west-1");
      metadata.put("traceId", "4bf92f3577b34da6a3ce929d0e0e" + String.format("%04d", i));
      e.put("metadata", metadata);
      events.add(e);
    }
    return body(events);
  }

  private static Map<String, String> validPayloads() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(
        "session_started",
        "{\"agentName\":\"Support Agent\",\"agentVersion\":\"2.1.0\","
            + "\"mcpClientInfo\":{\"name\":\"claude-desktop\",\"version\":\"0.9\"},"
            + "\"tags\":[\"prod\",\"support\"]}");
    m.put(
        "session_ended",
        "{\"reason\":\"completed\",\"summary\":\"Resolved ticket #4411\","
            + "\"totalToolCalls\":7,\"totalDurationMs\":48213}");
    m.put(
        "tool_call",
        "{\"toolName\":\"search_orders\",\"callId\":\"call_01\","
            + "\"arguments\":{\"customerId\":\"c-991\",\"limit\":10},\"serverName\":\"orders-mcp\"}");
    m.put(
        "tool_response",
        "{\"callId\":\"call_01\",\"toolName\":\"search_orders\","
            + "\"result\":{\"orders\":[{\"id\":\"o-1\",\"total\":129.95}]},\"durationMs\":212.5}");
    m.put(
        "tool_error",
        "{\"callId\":\"call_02\",\"toolName\":\"refund_order\",\"error\":\"Upstream timeout\","
            + "\"errorCode\":\"ETIMEDOUT\",\"durationMs\":30000}");
    m.put(
        "approval_requested",
        "{\"requestId\":\"apr-7\",\"action\":\"refund_order\","
            + "\"params\":{\"orderId\":\"o-1\",\"amount\":129.95},\"urgency\":\"high\"}");
    String decision =
        "{\"requestId\":\"apr-7\",\"action\":\"refund_order\",\"decidedBy\":\"alice@example.com\","
            + "\"reason\":\"within policy\"}";
    m.put("approval_granted", decision);
    m.put("approval_denied", decision);
    m.put("approval_expired", decision);
    m.put(
        "form_submitted",
        "{\"submissionId\":\"sub-1\",\"formId\":\"refund-form\",\"formName\":\"Refund\","
            + "\"fieldCount\":4}");
    m.put(
        "form_completed",
        "{\"submissionId\":\"sub-1\",\"formId\":\"refund-form\",\"completedBy\":\"bob\","
            + "\"durationMs\":65000}");
    m.put(
        "form_expired",
        "{\"submissionId\":\"sub-2\",\"formId\":\"refund-form\",\"expiredAfterMs\":86400000}");
    m.put(
        "cost_tracked",
        "{\"provider\":\"anthropic\",\"model\":\"claude-sonnet-4\",\"inputTokens\":1200,"
            + "\"outputTokens\":350,\"totalTokens\":1550,\"costUsd\":0.00885,\"trigger\":\"llm_response\"}");
    m.put(
        "llm_call",
        "{\"callId\":\"llm-1\",\"provider\":\"openai\",\"model\":\"gpt-4o\","
            + "\"messages\":[{\"role\":\"system\",\"content\":\"You are a support agent.\"},"
            + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Where is my order?\"}]},"
            + "{\"role\":\"assistant\",\"content\":\"\",\"toolCalls\":[{\"id\":\"tc1\","
            + "\"name\":\"search_orders\",\"arguments\":{\"customerId\":\"c-991\"}}]},"
            + "{\"role\":\"tool\",\"content\":\"{\\\"orders\\\":[]}\",\"toolCallId\":\"tc1\"}],"
            + "\"systemPrompt\":\"You are a support agent.\",\"parameters\":{\"temperature\":0.2,"
            + "\"maxTokens\":1024,\"topP\":1,\"stopSequences\":[\"###\"],\"seed\":7},"
            + "\"tools\":[{\"name\":\"search_orders\",\"description\":\"Find orders\","
            + "\"parameters\":{\"type\":\"object\"}}],\"redacted\":false,"
            + "\"promptTemplateId\":\"tpl-1\"}");
    m.put(
        "llm_response",
        "{\"callId\":\"llm-1\",\"provider\":\"openai\",\"model\":\"gpt-4o\","
            + "\"completion\":\"Your order o-1 ships tomorrow.\",\"finishReason\":\"stop\","
            + "\"usage\":{\"inputTokens\":812,\"outputTokens\":64,\"totalTokens\":876,"
            + "\"cacheReadTokens\":512,\"cacheWriteTokens\":0,\"thinkingTokens\":0},"
            + "\"costUsd\":0.00267,\"latencyMs\":1432,\"toolCalls\":[],\"redacted\":false}");
    m.put(
        "alert_triggered",
        "{\"alertRuleId\":\"rule-1\",\"alertName\":\"High error rate\",\"condition\":\"error_rate_exceeds\","
            + "\"currentValue\":0.27,\"threshold\":0.1,\"message\":\"Error rate 27% > 10%\"}");
    m.put(
        "alert_resolved",
        "{\"alertRuleId\":\"rule-1\",\"alertName\":\"High error rate\",\"resolvedBy\":\"auto\"}");
    m.put(
        "retrieval",
        "{\"query\":\"refund policy for damaged items\",\"retrieverName\":\"kb-vector\","
            + "\"topK\":5,\"resultCount\":5,\"durationMs\":38.2}");
    m.put(
        "embedding",
        "{\"model\":\"text-embedding-3-small\",\"inputCount\":16,\"dimensions\":1536,"
            + "\"durationMs\":91}");
    m.put("chain_step", "{\"name\":\"rerank\",\"stepType\":\"transform\",\"durationMs\":12.75}");
    m.put(
        "custom", "{\"type\":\"ticket_escalated\",\"data\":{\"ticketId\":\"T-4411\",\"tier\":2}}");
    return m;
  }
}
