package dev.agentlens.api.ingest;

import static dev.agentlens.api.ingest.IngestFixtures.body;
import static dev.agentlens.api.ingest.IngestFixtures.event;
import static dev.agentlens.api.ingest.IngestFixtures.parser;
import static dev.agentlens.api.ingest.IngestFixtures.payloadOf;
import static dev.agentlens.api.ingest.IngestParserTest.issues;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.engine.json.CanonicalJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reference §1.3, field by field: every required field missing, then wrong-typed. */
class PayloadValidationTest {
  private static final String STR_UNDEFINED = "Invalid input: expected string, received undefined";
  private static final String STR_NUMBER = "Invalid input: expected string, received number";
  private static final String NUM_UNDEFINED = "Invalid input: expected number, received undefined";
  private static final String NUM_STRING = "Invalid input: expected number, received string";
  private static final String REC_UNDEFINED = "Invalid input: expected record, received undefined";
  private static final String REC_ARRAY = "Invalid input: expected record, received array";
  private static final String TOO_SHORT = "Too small: expected string to have >=1 characters";
  private static final String REASONS =
      "Invalid option: expected one of \"completed\"|\"error\"|\"timeout\"|\"manual\"";

  /** What kind of rule a required field has; decides the value and message used below. */
  enum Kind {
    STR,
    NON_EMPTY_STR,
    NUM,
    REC
  }

  static Stream<Arguments> requiredFields() {
    List<Arguments> rows = new ArrayList<>();
    add(rows, "tool_call", Kind.NON_EMPTY_STR, "toolName", "callId");
    add(rows, "tool_call", Kind.REC, "arguments");
    add(rows, "tool_response", Kind.NON_EMPTY_STR, "callId", "toolName");
    add(rows, "tool_response", Kind.NUM, "durationMs");
    add(rows, "tool_error", Kind.NON_EMPTY_STR, "callId", "toolName");
    add(rows, "tool_error", Kind.STR, "error");
    add(rows, "tool_error", Kind.NUM, "durationMs");
    add(rows, "approval_requested", Kind.NON_EMPTY_STR, "requestId", "action");
    add(rows, "approval_requested", Kind.REC, "params");
    add(rows, "approval_requested", Kind.STR, "urgency");
    for (String t : List.of("approval_granted", "approval_denied", "approval_expired")) {
      add(rows, t, Kind.NON_EMPTY_STR, "requestId", "action", "decidedBy");
    }
    add(rows, "form_submitted", Kind.NON_EMPTY_STR, "submissionId", "formId");
    add(rows, "form_submitted", Kind.NUM, "fieldCount");
    add(rows, "form_completed", Kind.NON_EMPTY_STR, "submissionId", "formId", "completedBy");
    add(rows, "form_completed", Kind.NUM, "durationMs");
    add(rows, "form_expired", Kind.NON_EMPTY_STR, "submissionId", "formId");
    add(rows, "form_expired", Kind.NUM, "expiredAfterMs");
    add(rows, "cost_tracked", Kind.NON_EMPTY_STR, "provider", "model");
    add(rows, "cost_tracked", Kind.NUM, "inputTokens", "outputTokens", "totalTokens", "costUsd");
    add(rows, "llm_call", Kind.NON_EMPTY_STR, "callId", "provider", "model");
    add(rows, "llm_response", Kind.NON_EMPTY_STR, "callId", "provider", "model", "finishReason");
    add(rows, "llm_response", Kind.NUM, "costUsd", "latencyMs");
    add(rows, "alert_triggered", Kind.NON_EMPTY_STR, "alertRuleId", "alertName");
    add(rows, "alert_triggered", Kind.STR, "condition", "message");
    add(rows, "alert_triggered", Kind.NUM, "currentValue", "threshold");
    add(rows, "alert_resolved", Kind.NON_EMPTY_STR, "alertRuleId", "alertName");
    add(rows, "retrieval", Kind.STR, "query");
    add(rows, "embedding", Kind.STR, "model");
    add(rows, "chain_step", Kind.STR, "name");
    add(rows, "custom", Kind.STR, "type");
    add(rows, "custom", Kind.REC, "data");
    return rows.stream();
  }

  private static void add(List<Arguments> rows, String type, Kind kind, String... fields) {
    for (String f : fields) {
      rows.add(Arguments.of(type, f, kind));
    }
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("requiredFields")
  void aMissingRequiredFieldIsReported(String type, String field, Kind kind) {
    String message =
        switch (kind) {
          case STR, NON_EMPTY_STR -> STR_UNDEFINED;
          case NUM -> NUM_UNDEFINED;
          case REC -> REC_UNDEFINED;
        };
    assertThat(issuesWith(type, p -> p.remove(field)))
        .containsExactly(new ValidationIssue("events.0.payload." + field, message));
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("requiredFields")
  void aWrongTypedRequiredFieldIsReported(String type, String field, Kind kind) {
    Object value =
        switch (kind) {
          case STR, NON_EMPTY_STR -> 5.0;
          case NUM -> "5";
          case REC -> List.of();
        };
    String message =
        switch (kind) {
          case STR, NON_EMPTY_STR -> STR_NUMBER;
          case NUM -> NUM_STRING;
          case REC -> REC_ARRAY;
        };
    assertThat(issuesWith(type, p -> p.put(field, value)))
        .containsExactly(new ValidationIssue("events.0.payload." + field, message));
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("requiredFields")
  void anEmptyStringPassesOnlyWhereNoMinimumIsSet(String type, String field, Kind kind) {
    if (kind == Kind.NON_EMPTY_STR) {
      assertThat(issuesWith(type, p -> p.put(field, "")))
          .containsExactly(new ValidationIssue("events.0.payload." + field, TOO_SHORT));
    } else if (kind == Kind.STR) {
      Map<String, Object> e = event(type);
      payloadOf(e).put(field, "");
      assertThat(parser().parse(body(e), "t")).hasSize(1);
    }
  }

  @Test
  void toolResponseResultMustBePresentButMayBeNull() {
    assertThat(issuesWith("tool_response", p -> p.remove("result")))
        .containsExactly(
            new ValidationIssue(
                "events.0.payload.result",
                "Invalid input: expected nonoptional, received undefined"));
    Map<String, Object> e = event("tool_response");
    payloadOf(e).put("result", null);
    assertThat(parser().parse(body(e), "t").get(0).payload()).contains("\"result\":null");
  }

  @Test
  void sessionEndedReasonIsAnEnum() {
    assertThat(issuesWith("session_ended", p -> p.remove("reason")))
        .containsExactly(new ValidationIssue("events.0.payload.reason", REASONS));
    assertThat(issuesWith("session_ended", p -> p.put("reason", "done")))
        .containsExactly(new ValidationIssue("events.0.payload.reason", REASONS));
  }

  @Test
  void sessionStartedHasOnlyOptionalFieldsButTheyAreTyped() {
    Map<String, Object> empty = event("session_started");
    empty.put("payload", Map.of());
    assertThat(parser().parse(body(empty), "t")).hasSize(1);

    assertThat(
            issuesWith(
                "session_started",
                p -> {
                  p.put("agentName", 1.0);
                  p.put("agentVersion", null);
                  p.put("mcpClientInfo", "claude");
                  p.put("tags", List.of("ok", 2.0));
                }))
        .containsExactly(
            new ValidationIssue("events.0.payload.agentName", STR_NUMBER),
            new ValidationIssue(
                "events.0.payload.agentVersion", "Invalid input: expected string, received null"),
            new ValidationIssue(
                "events.0.payload.mcpClientInfo",
                "Invalid input: expected record, received string"),
            new ValidationIssue("events.0.payload.tags.1", STR_NUMBER));
  }

  @Test
  void llmCallMessages() {
    assertThat(issuesWith("llm_call", p -> p.remove("messages")))
        .containsExactly(
            new ValidationIssue(
                "events.0.payload.messages", "Invalid input: expected array, received undefined"));
    assertThat(issuesWith("llm_call", p -> p.put("messages", List.of())))
        .containsExactly(
            new ValidationIssue(
                "events.0.payload.messages", "Too small: expected array to have >=1 items"));
    Object messages =
        CanonicalJson.parse(
            "[\"hi\",{\"role\":\"bot\",\"content\":5},{\"role\":\"user\",\"content\":[{},1]},"
                + "{\"content\":\"x\",\"toolCallId\":7,\"toolCalls\":[{\"id\":1,\"arguments\":[]}]}]");
    assertThat(issuesWith("llm_call", p -> p.put("messages", messages)))
        .containsExactly(
            new ValidationIssue(
                "events.0.payload.messages.0", "Invalid input: expected object, received string"),
            new ValidationIssue(
                "events.0.payload.messages.1.role",
                "Invalid option: expected one of \"system\"|\"user\"|\"assistant\"|\"tool\""),
            new ValidationIssue("events.0.payload.messages.1.content", "Invalid input"),
            new ValidationIssue("events.0.payload.messages.2.content", "Invalid input"),
            new ValidationIssue(
                "events.0.payload.messages.3.role",
                "Invalid option: expected one of \"system\"|\"user\"|\"assistant\"|\"tool\""),
            new ValidationIssue("events.0.payload.messages.3.toolCallId", STR_NUMBER),
            new ValidationIssue("events.0.payload.messages.3.toolCalls.0.id", STR_NUMBER),
            new ValidationIssue("events.0.payload.messages.3.toolCalls.0.name", STR_UNDEFINED),
            new ValidationIssue("events.0.payload.messages.3.toolCalls.0.arguments", REC_ARRAY));
  }

  @Test
  void llmCallOptionalParts() {
    assertThat(
            issuesWith(
                "llm_call",
                p -> {
                  p.put("systemPrompt", 1.0);
                  p.put(
                      "parameters",
                      CanonicalJson.parse(
                          "{\"temperature\":\"hot\",\"maxTokens\":null,\"topP\":[],"
                              + "\"stopSequences\":[\"a\",1],\"custom\":{}}"));
                  p.put("tools", CanonicalJson.parse("[{\"description\":2,\"parameters\":[]}]"));
                  p.put("redacted", "no");
                }))
        .containsExactly(
            new ValidationIssue("events.0.payload.systemPrompt", STR_NUMBER),
            new ValidationIssue("events.0.payload.parameters.temperature", NUM_STRING),
            new ValidationIssue(
                "events.0.payload.parameters.maxTokens",
                "Invalid input: expected number, received null"),
            new ValidationIssue(
                "events.0.payload.parameters.topP",
                "Invalid input: expected number, received array"),
            new ValidationIssue("events.0.payload.parameters.stopSequences.1", STR_NUMBER),
            new ValidationIssue("events.0.payload.tools.0.name", STR_UNDEFINED),
            new ValidationIssue("events.0.payload.tools.0.description", STR_NUMBER),
            new ValidationIssue("events.0.payload.tools.0.parameters", REC_ARRAY),
            new ValidationIssue(
                "events.0.payload.redacted", "Invalid input: expected boolean, received string"));
    assertThat(issuesWith("llm_call", p -> p.put("parameters", List.of())))
        .containsExactly(
            new ValidationIssue(
                "events.0.payload.parameters", "Invalid input: expected object, received array"));
  }

  @Test
  void llmResponseCompletionUsageAndToolCalls() {
    assertThat(issuesWith("llm_response", p -> p.remove("completion")))
        .containsExactly(new ValidationIssue("events.0.payload.completion", STR_UNDEFINED));
    assertThat(issuesWith("llm_response", p -> p.put("completion", 3.0)))
        .containsExactly(new ValidationIssue("events.0.payload.completion", STR_NUMBER));
    Map<String, Object> nullCompletion = event("llm_response");
    payloadOf(nullCompletion).put("completion", null);
    assertThat(parser().parse(body(nullCompletion), "t")).hasSize(1);

    assertThat(issuesWith("llm_response", p -> p.remove("usage")))
        .containsExactly(
            new ValidationIssue(
                "events.0.payload.usage", "Invalid input: expected object, received undefined"));
    assertThat(
            issuesWith(
                "llm_response",
                p ->
                    p.put(
                        "usage",
                        CanonicalJson.parse(
                            "{\"inputTokens\":\"812\",\"totalTokens\":1,\"thinkingTokens\":null,"
                                + "\"cacheReadTokens\":true}"))))
        .containsExactly(
            new ValidationIssue("events.0.payload.usage.inputTokens", NUM_STRING),
            new ValidationIssue("events.0.payload.usage.outputTokens", NUM_UNDEFINED),
            new ValidationIssue(
                "events.0.payload.usage.thinkingTokens",
                "Invalid input: expected number, received null"),
            new ValidationIssue(
                "events.0.payload.usage.cacheReadTokens",
                "Invalid input: expected number, received boolean"));
    assertThat(issuesWith("llm_response", p -> p.put("toolCalls", CanonicalJson.parse("[{}]"))))
        .containsExactly(
            new ValidationIssue("events.0.payload.toolCalls.0.id", STR_UNDEFINED),
            new ValidationIssue("events.0.payload.toolCalls.0.name", STR_UNDEFINED),
            new ValidationIssue("events.0.payload.toolCalls.0.arguments", REC_UNDEFINED));
  }

  @Test
  void integerAndNonNegativeConstraints() {
    assertThat(
            issuesWith(
                "retrieval",
                p -> {
                  p.put("topK", 1.5);
                  p.put("resultCount", -1.0);
                  p.put("durationMs", -0.5);
                  p.put("retrieverName", false);
                }))
        .containsExactly(
            new ValidationIssue(
                "events.0.payload.retrieverName",
                "Invalid input: expected string, received boolean"),
            new ValidationIssue(
                "events.0.payload.topK", "Invalid input: expected int, received number"),
            new ValidationIssue(
                "events.0.payload.resultCount", "Too small: expected number to be >=0"),
            new ValidationIssue(
                "events.0.payload.durationMs", "Too small: expected number to be >=0"));
    assertThat(
            issuesWith(
                "embedding",
                p -> {
                  p.remove("inputCount");
                  p.put("dimensions", 0.0);
                }))
        .containsExactly(
            new ValidationIssue("events.0.payload.inputCount", NUM_UNDEFINED),
            new ValidationIssue(
                "events.0.payload.dimensions", "Too small: expected number to be >0"));
    assertThat(issuesWith("embedding", p -> p.put("inputCount", "16")))
        .containsExactly(new ValidationIssue("events.0.payload.inputCount", NUM_STRING));
    assertThat(issuesWith("embedding", p -> p.put("inputCount", 1e16)))
        .containsExactly(
            new ValidationIssue(
                "events.0.payload.inputCount", "Too big: expected int to be <=9007199254740991"));
    assertThat(issuesWith("chain_step", p -> p.put("durationMs", -1.0)))
        .containsExactly(
            new ValidationIssue(
                "events.0.payload.durationMs", "Too small: expected number to be >=0"));
  }

  @Test
  void zeroAndNegativeNumbersPassWhereNoBoundIsSet() {
    Map<String, Object> e = event("cost_tracked");
    payloadOf(e).put("costUsd", -0.5);
    payloadOf(e).put("inputTokens", 0.0);
    Map<String, Object> r = event("retrieval");
    payloadOf(r).put("topK", 0.0);
    payloadOf(r).put("durationMs", 0.0);
    assertThat(parser().parse(body(List.of(e, r)), "t")).hasSize(2);
  }

  @Test
  void aNumberTooLargeForADoubleIsNotANumber() {
    byte[] body =
        IngestFixtures.bytes(
            "{\"events\":[{\"sessionId\":\"s\",\"agentId\":\"a\",\"eventType\":\"tool_response\","
                + "\"payload\":{\"callId\":\"c\",\"toolName\":\"t\",\"result\":1,\"durationMs\":1e400}}]}");
    assertThat(issues(body))
        .containsExactly(
            new ValidationIssue(
                "events.0.payload.durationMs",
                "Invalid input: expected number, received Infinity"));
  }

  @Test
  void optionalFieldsOfOtherTypesAreTyped() {
    assertThat(issuesWith("tool_call", p -> p.put("serverName", 1.0)))
        .containsExactly(new ValidationIssue("events.0.payload.serverName", STR_NUMBER));
    assertThat(issuesWith("tool_error", p -> p.put("errorCode", 1.0)))
        .containsExactly(new ValidationIssue("events.0.payload.errorCode", STR_NUMBER));
    assertThat(issuesWith("approval_denied", p -> p.put("reason", 1.0)))
        .containsExactly(new ValidationIssue("events.0.payload.reason", STR_NUMBER));
    assertThat(issuesWith("session_ended", p -> p.put("totalToolCalls", "7")))
        .containsExactly(new ValidationIssue("events.0.payload.totalToolCalls", NUM_STRING));
    assertThat(issuesWith("cost_tracked", p -> p.put("trigger", List.of())))
        .containsExactly(
            new ValidationIssue(
                "events.0.payload.trigger", "Invalid input: expected string, received array"));
    assertThat(issuesWith("alert_resolved", p -> p.put("resolvedBy", 1.0)))
        .containsExactly(new ValidationIssue("events.0.payload.resolvedBy", STR_NUMBER));
  }

  @Test
  void allIssuesOfOnePayloadAreReportedInSchemaOrder() {
    assertThat(issuesWith("cost_tracked", p -> p.clear()))
        .extracting(ValidationIssue::path)
        .containsExactly(
            "events.0.payload.provider",
            "events.0.payload.model",
            "events.0.payload.inputTokens",
            "events.0.payload.outputTokens",
            "events.0.payload.totalTokens",
            "events.0.payload.costUsd");
  }

  private static List<ValidationIssue> issuesWith(String type, Consumer<Map<String, Object>> edit) {
    Map<String, Object> e = event(type);
    edit.accept(payloadOf(e));
    return issues(body(e));
  }
}
