package dev.agentlens.api.ingest;

import static dev.agentlens.api.ingest.IngestFixtures.body;
import static dev.agentlens.api.ingest.IngestFixtures.bytes;
import static dev.agentlens.api.ingest.IngestFixtures.event;
import static dev.agentlens.api.ingest.IngestFixtures.parser;
import static dev.agentlens.api.ingest.IngestFixtures.payloadOf;
import static dev.agentlens.api.ingest.IngestParserTest.issues;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The request and event envelope rules: batch size, envelope fields, timestamps. */
class EnvelopeValidationTest {
  static final String EVENT_TYPES =
      "Invalid option: expected one of \"session_started\"|\"session_ended\"|\"tool_call\"|"
          + "\"tool_response\"|\"tool_error\"|\"approval_requested\"|\"approval_granted\"|"
          + "\"approval_denied\"|\"approval_expired\"|\"form_submitted\"|\"form_completed\"|"
          + "\"form_expired\"|\"cost_tracked\"|\"llm_call\"|\"llm_response\"|\"alert_triggered\"|"
          + "\"alert_resolved\"|\"retrieval\"|\"embedding\"|\"chain_step\"|\"custom\"";
  static final String SEVERITIES =
      "Invalid option: expected one of \"debug\"|\"info\"|\"warn\"|\"error\"|\"critical\"";

  private static ValidationIssue issue(String path, String message) {
    return new ValidationIssue(path, message);
  }

  private static List<ValidationIssue> issuesOf(Map<String, Object> event) {
    return issues(body(event));
  }

  @Test
  void zeroEventsIsTooSmall() {
    assertThat(issues(bytes("{\"events\":[]}")))
        .containsExactly(issue("events", "Too small: expected array to have >=1 items"));
  }

  @Test
  void moreThanTheMaximumIsTooBig() {
    List<Object> events = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      events.add(event("custom"));
    }
    assertThat(issues(body(events)))
        .containsExactly(issue("events", "Too big: expected array to have <=1000 items"));
    assertThat(parser().parse(body(events.subList(0, 1000)), "t")).hasSize(1000);
  }

  @Test
  void theMaximumIsConfigurable() {
    List<Object> three = List.of(event("custom"), event("custom"), event("custom"));
    assertThat(issues(parser(2), body(three)))
        .containsExactly(issue("events", "Too big: expected array to have <=2 items"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{}|undefined",
        "{\"other\":[]}|undefined",
        "{\"events\":null}|null",
        "{\"events\":{}}|object",
        "{\"events\":\"[]\"}|string",
        "{\"events\":3}|number",
        "{\"events\":true}|boolean"
      })
  void eventsMustBeAnArray(String body, String received) {
    assertThat(issues(bytes(body)))
        .containsExactly(issue("events", "Invalid input: expected array, received " + received));
  }

  @Test
  void eachElementMustBeAnObject() {
    assertThat(issues(bytes("{\"events\":[1,\"x\",null,[],{}]}")))
        .containsExactly(
            issue("events.0", "Invalid input: expected object, received number"),
            issue("events.1", "Invalid input: expected object, received string"),
            issue("events.2", "Invalid input: expected object, received null"),
            issue("events.3", "Invalid input: expected object, received array"),
            issue("events.4.sessionId", "Invalid input: expected string, received undefined"),
            issue("events.4.agentId", "Invalid input: expected string, received undefined"),
            issue("events.4.eventType", EVENT_TYPES),
            issue("events.4.payload", "Invalid input: expected record, received undefined"));
  }

  @Test
  void sessionIdAndAgentIdMustBeNonEmptyStrings() {
    Map<String, Object> empty = event("custom");
    empty.put("sessionId", "");
    empty.put("agentId", "");
    Map<String, Object> missing = event("custom");
    missing.remove("sessionId");
    missing.remove("agentId");
    Map<String, Object> wrong = event("custom");
    wrong.put("sessionId", 42.0);
    wrong.put("agentId", Map.of());

    assertThat(issues(body(List.of(empty, missing, wrong))))
        .containsExactly(
            issue("events.0.sessionId", "sessionId is required"),
            issue("events.0.agentId", "agentId is required"),
            issue("events.1.sessionId", "Invalid input: expected string, received undefined"),
            issue("events.1.agentId", "Invalid input: expected string, received undefined"),
            issue("events.2.sessionId", "Invalid input: expected string, received number"),
            issue("events.2.agentId", "Invalid input: expected string, received object"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "error",
        "eval_result",
        "human_score",
        "feedback",
        "skill_activated",
        "Custom",
        ""
      })
  void serverOnlyAndUnknownEventTypesAreRejected(String type) {
    Map<String, Object> e = event("custom");
    e.put("eventType", type);
    assertThat(issuesOf(e)).containsExactly(issue("events.0.eventType", EVENT_TYPES));
  }

  @Test
  void eventTypeMissingOrNotAString() {
    Map<String, Object> missing = event("custom");
    missing.remove("eventType");
    Map<String, Object> number = event("custom");
    number.put("eventType", 3.0);
    assertThat(issues(body(List.of(missing, number))))
        .containsExactly(
            issue("events.0.eventType", EVENT_TYPES), issue("events.1.eventType", EVENT_TYPES));
  }

  @Test
  void severityMustBeOneOfFive() {
    List<Object> events = new ArrayList<>();
    for (Object sev : Arrays.<Object>asList("fatal", "INFO", null, 1.0)) {
      Map<String, Object> e = event("custom");
      e.put("severity", sev);
      events.add(e);
    }
    assertThat(issues(body(events)))
        .containsExactly(
            issue("events.0.severity", SEVERITIES),
            issue("events.1.severity", SEVERITIES),
            issue("events.2.severity", SEVERITIES),
            issue("events.3.severity", SEVERITIES));
  }

  @Test
  void payloadMustBeAnObjectAndMetadataTooWhenPresent() {
    List<Object> events = new ArrayList<>();
    for (Object value : Arrays.<Object>asList(List.of(), null, "x")) {
      Map<String, Object> e = event("custom");
      e.put("payload", value);
      e.put("metadata", value);
      events.add(e);
    }
    assertThat(issues(body(events)))
        .containsExactly(
            issue("events.0.payload", "Invalid input: expected record, received array"),
            issue("events.0.metadata", "Invalid input: expected record, received array"),
            issue("events.1.payload", "Invalid input: expected record, received null"),
            issue("events.1.metadata", "Invalid input: expected record, received null"),
            issue("events.2.payload", "Invalid input: expected record, received string"),
            issue("events.2.metadata", "Invalid input: expected record, received string"));
  }

  @Test
  void anEnvelopeErrorSuppressesPayloadValidationOfThatEventOnly() {
    Map<String, Object> badEnvelope = event("tool_call");
    badEnvelope.put("sessionId", "");
    payloadOf(badEnvelope).remove("toolName");
    Map<String, Object> badPayload = event("tool_call");
    payloadOf(badPayload).remove("toolName");

    assertThat(issues(body(List.of(badEnvelope, badPayload))))
        .containsExactly(
            issue("events.0.sessionId", "sessionId is required"),
            issue(
                "events.1.payload.toolName", "Invalid input: expected string, received undefined"));
  }

  @Test
  void everyIssueOfEveryEventIsReported() {
    Map<String, Object> first = event("custom");
    first.remove("sessionId");
    first.put("timestamp", "yesterday");
    Map<String, Object> second = event("llm_response");
    Map<String, Object> third = event("tool_call");
    payloadOf(third).remove("toolName");
    payloadOf(third).put("callId", "");
    payloadOf(third).put("arguments", "{}");
    Map<String, Object> fourth = event("session_ended");
    fourth.put("severity", "loud");
    fourth.put("id", "not valid!");

    assertThat(issues(body(List.of(first, second, third, fourth))))
        .containsExactly(
            issue("events.0.sessionId", "Invalid input: expected string, received undefined"),
            issue("events.0.timestamp", "Invalid ISO datetime"),
            issue(
                "events.2.payload.toolName", "Invalid input: expected string, received undefined"),
            issue("events.2.payload.callId", "Too small: expected string to have >=1 characters"),
            issue("events.2.payload.arguments", "Invalid input: expected record, received string"),
            issue("events.3.severity", SEVERITIES),
            issue("events.3.id", "Invalid string: must match pattern /^[0-9A-Za-z_-]+$/"));
  }

  @ParameterizedTest
  @CsvSource({
    "2026-02-08T10:00:00Z, 2026-02-08T10:00:00.000Z",
    "2026-02-08T10:00:00.1Z, 2026-02-08T10:00:00.100Z",
    "2026-02-08T10:00:00.123Z, 2026-02-08T10:00:00.123Z",
    "2026-02-08T10:00:00.123456Z, 2026-02-08T10:00:00.123Z",
    "2026-02-08T10:00:00.123456789Z, 2026-02-08T10:00:00.123Z",
    "2026-02-08T10:00:00.999999999Z, 2026-02-08T10:00:00.999Z",
    "2026-02-08T10:00Z, 2026-02-08T10:00:00.000Z",
    "2026-02-08T10:00:00+01:00, 2026-02-08T09:00:00.000Z",
    "2026-02-08T10:00:00.250-05:30, 2026-02-08T15:30:00.250Z",
    "2026-02-08T00:30:00+01:00, 2026-02-07T23:30:00.000Z",
    "2026-02-08T10:00:00+00:00, 2026-02-08T10:00:00.000Z",
    "2024-02-29T23:59:59.5Z, 2024-02-29T23:59:59.500Z"
  })
  void acceptedTimestampsAreCanonicalisedToUtcMilliseconds(String sent, String stored) {
    Map<String, Object> e = event("custom");
    e.put("timestamp", sent);
    assertThat(parser().parse(body(e), "t").get(0).timestamp()).isEqualTo(stored);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-08T10:00:00",
        "2026-02-08T10:00:00.123",
        "2026-02-30T10:00:00Z",
        "2025-02-29T10:00:00Z",
        "2026-13-08T10:00:00Z",
        "2026-02-08T24:00:00Z",
        "2026-02-08T10:60:00Z",
        "2026-02-08t10:00:00Z",
        "2026-02-08T10:00:00z",
        "2026-02-08T10:00:00.1234567890Z",
        "2026-02-08T10:00:00.Z",
        "2026-02-08",
        "2026-02-08 10:00:00Z",
        "2026-02-08T10:00:00+0100",
        "2026-02-08T10:00:00+01",
        "2026-02-08T10:00:00+24:00",
        "1770544800000",
        ""
      })
  void rejectedTimestamps(String sent) {
    Map<String, Object> e = event("custom");
    e.put("timestamp", sent);
    assertThat(issuesOf(e)).containsExactly(issue("events.0.timestamp", "Invalid ISO datetime"));
  }

  @Test
  void aNonStringTimestampIsATypeError() {
    Map<String, Object> number = event("custom");
    number.put("timestamp", 1770544800000.0);
    Map<String, Object> nul = event("custom");
    nul.put("timestamp", null);
    assertThat(issues(body(List.of(number, nul))))
        .containsExactly(
            issue("events.0.timestamp", "Invalid input: expected string, received number"),
            issue("events.1.timestamp", "Invalid input: expected string, received null"));
  }

  @Test
  void aMissingTimestampIsServerTime() {
    assertThat(parser().parse(body(event("custom")), "t").get(0).timestamp())
        .isEqualTo(IngestFixtures.NOW_TEXT);
  }
}
