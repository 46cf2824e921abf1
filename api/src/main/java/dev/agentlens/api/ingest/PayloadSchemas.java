package dev.agentlens.api.ingest;

import static dev.agentlens.api.ingest.Rules.arrayOf;
import static dev.agentlens.api.ingest.Rules.bool;
import static dev.agentlens.api.ingest.Rules.field;
import static dev.agentlens.api.ingest.Rules.nonEmptyStr;
import static dev.agentlens.api.ingest.Rules.nonNegative;
import static dev.agentlens.api.ingest.Rules.nonNegativeInt;
import static dev.agentlens.api.ingest.Rules.nullableStr;
import static dev.agentlens.api.ingest.Rules.num;
import static dev.agentlens.api.ingest.Rules.object;
import static dev.agentlens.api.ingest.Rules.oneOf;
import static dev.agentlens.api.ingest.Rules.optional;
import static dev.agentlens.api.ingest.Rules.positiveInt;
import static dev.agentlens.api.ingest.Rules.present;
import static dev.agentlens.api.ingest.Rules.record;
import static dev.agentlens.api.ingest.Rules.str;
import static dev.agentlens.api.ingest.Rules.stringOrRecords;

import dev.agentlens.engine.model.EventType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The per-type payload schemas of reference §1.3, field order as upstream declared them (zod
 * reports issues in that order). Non-strict: keys not listed pass unchecked and are kept.
 */
final class PayloadSchemas {
  private static final Rule TOOL_CALLS =
      optional(
          arrayOf(
              object(field("id", str()), field("name", str()), field("arguments", record())), 0));

  private static final Rule APPROVAL_DECISION =
      object(
          field("requestId", nonEmptyStr()),
          field("action", nonEmptyStr()),
          field("decidedBy", nonEmptyStr()),
          field("reason", optional(str())));

  private static final Rule LLM_MESSAGE =
      object(
          field("role", oneOf(List.of("system", "user", "assistant", "tool"))),
          field("content", stringOrRecords()),
          field("toolCallId", optional(str())),
          field("toolCalls", TOOL_CALLS));

  private static final Map<EventType, Rule> BY_TYPE = build();

  private PayloadSchemas() {}

  /** The schema of an ingestible type's payload. */
  static Rule of(EventType type) {
    Rule rule = BY_TYPE.get(type);
    if (rule == null) {
      throw new IllegalArgumentException("Not client-ingestible: " + type);
    }
    return rule;
  }

  private static Map<EventType, Rule> build() {
    Map<EventType, Rule> m = new EnumMap<>(EventType.class);
    m.put(
        EventType.TOOL_CALL,
        object(
            field("toolName", nonEmptyStr()),
            field("callId", nonEmptyStr()),
            field("arguments", record()),
            field("serverName", optional(str()))));
    m.put(
        EventType.TOOL_RESPONSE,
        object(
            field("callId", nonEmptyStr()),
            field("toolName", nonEmptyStr()),
            field("result", present()),
            field("durationMs", num())));
    m.put(
        EventType.TOOL_ERROR,
        object(
            field("callId", nonEmptyStr()),
            field("toolName", nonEmptyStr()),
            field("error", str()),
            field("errorCode", optional(str())),
            field("durationMs", num())));
    m.put(
        EventType.SESSION_STARTED,
        object(
            field("agentName", optional(str())),
            field("agentVersion", optional(str())),
            field("mcpClientInfo", optional(record())),
            field("tags", optional(arrayOf(str(), 0)))));
    m.put(
        EventType.SESSION_ENDED,
        object(
            field("reason", oneOf(List.of("completed", "error", "timeout", "manual"))),
            field("summary", optional(str())),
            field("totalToolCalls", optional(num())),
            field("totalDurationMs", optional(num()))));
    m.put(
        EventType.APPROVAL_REQUESTED,
        object(
            field("requestId", nonEmptyStr()),
            field("action", nonEmptyStr()),
            field("params", record()),
            field("urgency", str())));
    m.put(EventType.APPROVAL_GRANTED, APPROVAL_DECISION);
    m.put(EventType.APPROVAL_DENIED, APPROVAL_DECISION);
    m.put(EventType.APPROVAL_EXPIRED, APPROVAL_DECISION);
    putForms(m);
    m.put(
        EventType.COST_TRACKED,
        object(
            field("provider", nonEmptyStr()),
            field("model", nonEmptyStr()),
            field("inputTokens", num()),
            field("outputTokens", num()),
            field("totalTokens", num()),
            field("costUsd", num()),
            field("trigger", optional(str()))));
    putLlm(m);
    putAlerts(m);
    putRetrievalAndCustom(m);
    return m;
  }

  private static void putForms(Map<EventType, Rule> m) {
    m.put(
        EventType.FORM_SUBMITTED,
        object(
            field("submissionId", nonEmptyStr()),
            field("formId", nonEmptyStr()),
            field("formName", optional(str())),
            field("fieldCount", num())));
    m.put(
        EventType.FORM_COMPLETED,
        object(
            field("submissionId", nonEmptyStr()),
            field("formId", nonEmptyStr()),
            field("completedBy", nonEmptyStr()),
            field("durationMs", num())));
    m.put(
        EventType.FORM_EXPIRED,
        object(
            field("submissionId", nonEmptyStr()),
            field("formId", nonEmptyStr()),
            field("expiredAfterMs", num())));
  }

  private static void putLlm(Map<EventType, Rule> m) {
    Rule parameters =
        object(
            field("temperature", optional(num())),
            field("maxTokens", optional(num())),
            field("topP", optional(num())),
            field("stopSequences", optional(arrayOf(str(), 0))));
    Rule tool =
        object(
            field("name", str()),
            field("description", optional(str())),
            field("parameters", optional(record())));
    m.put(
        EventType.LLM_CALL,
        object(
            field("callId", nonEmptyStr()),
            field("provider", nonEmptyStr()),
            field("model", nonEmptyStr()),
            field("messages", arrayOf(LLM_MESSAGE, 1)),
            field("systemPrompt", optional(str())),
            field("parameters", optional(parameters)),
            field("tools", optional(arrayOf(tool, 0))),
            field("redacted", optional(bool()))));
    Rule usage =
        object(
            field("inputTokens", num()),
            field("outputTokens", num()),
            field("totalTokens", num()),
            field("thinkingTokens", optional(num())),
            field("cacheReadTokens", optional(num())),
            field("cacheWriteTokens", optional(num())));
    m.put(
        EventType.LLM_RESPONSE,
        object(
            field("callId", nonEmptyStr()),
            field("provider", nonEmptyStr()),
            field("model", nonEmptyStr()),
            field("completion", nullableStr()),
            field("toolCalls", TOOL_CALLS),
            field("finishReason", nonEmptyStr()),
            field("usage", usage),
            field("costUsd", num()),
            field("latencyMs", num()),
            field("redacted", optional(bool()))));
  }

  private static void putAlerts(Map<EventType, Rule> m) {
    m.put(
        EventType.ALERT_TRIGGERED,
        object(
            field("alertRuleId", nonEmptyStr()),
            field("alertName", nonEmptyStr()),
            field("condition", str()),
            field("currentValue", num()),
            field("threshold", num()),
            field("message", str())));
    m.put(
        EventType.ALERT_RESOLVED,
        object(
            field("alertRuleId", nonEmptyStr()),
            field("alertName", nonEmptyStr()),
            field("resolvedBy", optional(str()))));
  }

  private static void putRetrievalAndCustom(Map<EventType, Rule> m) {
    m.put(
        EventType.RETRIEVAL,
        object(
            field("query", str()),
            field("retrieverName", optional(str())),
            field("topK", optional(nonNegativeInt())),
            field("resultCount", optional(nonNegativeInt())),
            field("durationMs", optional(nonNegative()))));
    m.put(
        EventType.EMBEDDING,
        object(
            field("model", str()),
            field("inputCount", nonNegativeInt()),
            field("dimensions", optional(positiveInt())),
            field("durationMs", optional(nonNegative()))));
    m.put(
        EventType.CHAIN_STEP,
        object(
            field("name", str()),
            field("stepType", optional(str())),
            field("durationMs", optional(nonNegative()))));
    m.put(EventType.CUSTOM, object(field("type", str()), field("data", record())));
  }
}
