package dev.agentlens.api.ingest;

import static dev.agentlens.api.ingest.IngestFixtures.NOW_TEXT;
import static dev.agentlens.api.ingest.IngestFixtures.VALID_PAYLOADS;
import static dev.agentlens.api.ingest.IngestFixtures.body;
import static dev.agentlens.api.ingest.IngestFixtures.bytes;
import static dev.agentlens.api.ingest.IngestFixtures.event;
import static dev.agentlens.api.ingest.IngestFixtures.parser;
import static dev.agentlens.api.ingest.IngestFixtures.payloadOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.agentlens.engine.json.CanonicalJson;
import dev.agentlens.engine.json.UlidGenerator;
import dev.agentlens.engine.model.EventType;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.PayloadFacts;
import dev.agentlens.engine.model.Severity;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IngestParserTest {

  static List<String> ingestibleTypes() {
    return new ArrayList<>(VALID_PAYLOADS.keySet());
  }

  @Test
  void fixturesCoverExactlyTheIngestibleTypes() {
    assertThat(ingestibleTypes())
        .containsExactlyInAnyOrderElementsOf(
            EventType.INGESTIBLE.stream().map(EventType::wire).toList())
        .hasSize(21);
  }

  @ParameterizedTest
  @MethodSource("ingestibleTypes")
  void aValidEventOfEveryIngestibleTypeParses(String type) {
    List<IngestEvent> events = parser().parse(body(event(type)), "tenant-a");

    assertThat(events).hasSize(1);
    IngestEvent e = events.get(0);
    assertThat(e.tenantId()).isEqualTo("tenant-a");
    assertThat(e.eventType().wire()).isEqualTo(type);
    assertThat(e.sessionId()).isEqualTo("s1");
    assertThat(e.agentId()).isEqualTo("a1");
    assertThat(e.severity()).isEqualTo(Severity.INFO);
    assertThat(e.timestamp()).isEqualTo(NOW_TEXT);
    assertThat(e.metadata()).isEqualTo("{}");
    assertThat(UlidGenerator.isUlid(e.id())).isTrue();
    assertThat(e.clientId()).isFalse();
    // Every fixture is already canonical text, extras included.
    assertThat(e.payload()).isEqualTo(VALID_PAYLOADS.get(type));
  }

  @Test
  void payloadAndMetadataAreRewrittenAsCanonicalJson() {
    String body =
        "{\"events\":[{\"sessionId\":\"s\",\"agentId\":\"a\",\"eventType\":\"custom\","
            + "\"payload\":{\"type\":\"t\",\"data\":{\"b\":1.0,\"10\":\"x\",\"2\":true,\"b\":5e1},"
            + "\"big\":1e21,\"tiny\":1E-7,\"ctl\":\"\\u000B\\u001F\\/\"},"
            + "\"metadata\":{ \"z\" : [ 1.50 , -0 ] , \"a\":null }}]}";

    IngestEvent e = parser().parse(bytes(body), "t").get(0);

    assertThat(e.payload())
        .isEqualTo(
            "{\"type\":\"t\",\"data\":{\"2\":true,\"10\":\"x\",\"b\":50},"
                + "\"big\":1e+21,\"tiny\":1e-7,\"ctl\":\"\\u000b\\u001f/\"}");
    assertThat(e.metadata()).isEqualTo("{\"z\":[1.5,0],\"a\":null}");
  }

  @Test
  void factsOfCostTracked() {
    PayloadFacts f = parser().parse(body(event("cost_tracked")), "t").get(0).facts();

    assertThat(f.provider()).isEqualTo("anthropic");
    assertThat(f.model()).isEqualTo("claude-sonnet-4");
    assertThat(f.costUsd()).isEqualTo(0.00885);
    assertThat(f.inputTokens()).isEqualTo(1200.0);
    assertThat(f.outputTokens()).isEqualTo(350.0);
    assertThat(f.totalTokens()).isEqualTo(1550.0);
  }

  @Test
  void factsOfLlmResponseReadUsage() {
    PayloadFacts f = parser().parse(body(event("llm_response")), "t").get(0).facts();

    assertThat(f.provider()).isEqualTo("openai");
    assertThat(f.model()).isEqualTo("gpt-4o");
    assertThat(f.costUsd()).isEqualTo(0.00267);
    assertThat(f.latencyMs()).isEqualTo(1432.0);
    assertThat(f.inputTokens()).isEqualTo(812.0);
    assertThat(f.outputTokens()).isEqualTo(64.0);
    assertThat(f.totalTokens()).isEqualTo(876.0);
    assertThat(f.cacheReadTokens()).isEqualTo(512.0);
    assertThat(f.cacheWriteTokens()).isEqualTo(0.0);
  }

  @Test
  void factsOfToolResponseAndSessionEvents() {
    IngestParser parser = parser();
    PayloadFacts tool = parser.parse(body(event("tool_response")), "t").get(0).facts();
    assertThat(tool.toolName()).isEqualTo("search_orders");
    assertThat(tool.durationMs()).isEqualTo(212.5);

    PayloadFacts started = parser.parse(body(event("session_started")), "t").get(0).facts();
    assertThat(started.agentName()).isEqualTo("Support Agent");
    assertThat(started.tags()).containsExactly("prod", "support");

    PayloadFacts ended = parser.parse(body(event("session_ended")), "t").get(0).facts();
    assertThat(ended.endReason()).isEqualTo("completed");
  }

  @Test
  void envelopeFieldsAreTaken() {
    Map<String, Object> e = event("tool_call");
    e.put("severity", "critical");
    e.put("timestamp", "2026-02-08T10:00:00.5+01:00");
    e.put("hash", "deadbeef");
    e.put("prevHash", "cafe");
    e.put("tenantId", "other-tenant");

    IngestEvent parsed = parser().parse(body(e), "tenant-a").get(0);

    assertThat(parsed.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(parsed.timestamp()).isEqualTo("2026-02-08T09:00:00.500Z");
    assertThat(parsed.tenantId()).isEqualTo("tenant-a");
  }

  @Test
  void unknownTopLevelKeysAreIgnoredAndDuplicateKeysTakeTheLastValue() {
    String body =
        "{\"a\":{\"deep\":[1,{\"x\":2}]},\"events\":5,\"events\":[{\"sessionId\":7,"
            + "\"sessionId\":\"s2\",\"agentId\":\"a\",\"eventType\":\"bogus\","
            + "\"eventType\":\"custom\",\"payload\":{\"type\":\"x\",\"data\":{}},"
            + "\"extra\":[{\"nested\":true}]}],\"z\":null}";

    IngestEvent e = parser().parse(bytes(body), "t").get(0);

    assertThat(e.sessionId()).isEqualTo("s2");
    assertThat(e.eventType()).isEqualTo(EventType.CUSTOM);
  }

  @Test
  void eventsAreReturnedInRequestOrderWithIncreasingIds() {
    List<Object> events = new ArrayList<>();
    for (String type : ingestibleTypes()) {
      events.add(event(type));
    }

    List<IngestEvent> parsed = parser().parse(body(events), "t");

    assertThat(parsed)
        .extracting(x -> x.eventType().wire())
        .containsExactlyElementsOf(ingestibleTypes());
    List<String> ids = parsed.stream().map(IngestEvent::id).toList();
    List<String> sorted = new ArrayList<>(ids);
    Collections.sort(sorted);
    assertThat(ids).doesNotHaveDuplicates().isEqualTo(sorted);
  }

  @Test
  void clientIdsAreUsedAndMarked() {
    Map<String, Object> a = event("custom");
    a.put("id", "evt_01-ABC");
    Map<String, Object> b = event("custom");
    Map<String, Object> c = event("custom");
    c.put("id", "x".repeat(64));

    List<IngestEvent> parsed = parser().parse(body(List.of(a, b, c)), "t");

    assertThat(parsed.get(0).id()).isEqualTo("evt_01-ABC");
    assertThat(parsed.get(0).clientId()).isTrue();
    assertThat(UlidGenerator.isUlid(parsed.get(1).id())).isTrue();
    assertThat(parsed.get(1).clientId()).isFalse();
    assertThat(parsed.get(2).id()).hasSize(64);
  }

  @Test
  void invalidClientIdsAreRejected() {
    List<Object> ids = List.of("x".repeat(65), "a.b", "é", 12.0, List.of());
    List<Object> events = new ArrayList<>();
    for (Object id : ids) {
      Map<String, Object> e = event("custom");
      e.put("id", id);
      events.add(e);
    }

    assertThat(issues(body(events)))
        .containsExactly(
            new ValidationIssue("events.0.id", "Too big: expected string to have <=64 characters"),
            new ValidationIssue(
                "events.1.id", "Invalid string: must match pattern /^[0-9A-Za-z_-]+$/"),
            new ValidationIssue(
                "events.2.id", "Invalid string: must match pattern /^[0-9A-Za-z_-]+$/"),
            new ValidationIssue("events.3.id", "Invalid input: expected string, received number"),
            new ValidationIssue("events.4.id", "Invalid input: expected string, received array"));
  }

  @Test
  void anEmptyOrNullIdMeansServerMinted() {
    Map<String, Object> empty = event("custom");
    empty.put("id", ""); // the Go SDK always sends the key
    Map<String, Object> nul = event("custom");
    nul.put("id", null);

    List<IngestEvent> parsed = parser().parse(body(List.of(empty, nul)), "t");

    assertThat(parsed).allSatisfy(e -> assertThat(UlidGenerator.isUlid(e.id())).isTrue());
    assertThat(parsed).noneMatch(IngestEvent::clientId);
  }

  @Test
  void reservedMetadataKeysAreStrippedKeepingTheOrderOfTheRest() {
    Map<String, Object> e = event("custom");
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("a", 1.0);
    metadata.put("verifiedAgentId", "forged");
    metadata.put("b", "two");
    metadata.put("verifiedAgentMethod", "agentgate_token");
    metadata.put("verifiedOnBehalfOf", "someone");
    metadata.put("c", List.of(3.0));
    e.put("metadata", metadata);
    Map<String, Object> onlyReserved = event("custom");
    onlyReserved.put("metadata", Map.of("verifiedAgentId", "forged"));

    List<IngestEvent> parsed = parser().parse(body(List.of(e, onlyReserved)), "t");

    assertThat(parsed.get(0).metadata()).isEqualTo("{\"a\":1,\"b\":\"two\",\"c\":[3]}");
    assertThat(parsed.get(1).metadata()).isEqualTo("{}");
  }

  @Test
  void aPayloadOver10KiBIsTruncatedAndHasNoFacts() {
    Map<String, Object> e = event("cost_tracked");
    payloadOf(e).put("notes", "é".repeat(6000)); // 12,000 UTF-8 bytes
    String full = CanonicalJson.write(payloadOf(e));

    IngestEvent parsed = parser().parse(body(e), "t").get(0);

    int originalSize = full.getBytes(StandardCharsets.UTF_8).length;
    assertThat(parsed.payload())
        .isEqualTo(
            "{\"type\":\"_truncated\",\"data\":{\"_truncated\":true,\"originalSize\":"
                + originalSize
                + ",\"maxSize\":10240,\"preview\":"
                + quoted(full.substring(0, 200) + "...")
                + "}}");
    assertThat(parsed.facts()).isEqualTo(PayloadFacts.NONE);
  }

  @Test
  void aPayloadOfExactly10240BytesIsKept() {
    Map<String, Object> e = event("custom");
    String shell = CanonicalJson.write(payloadOf(e));
    payloadOf(e).put("pad", "");
    int padding = 10240 - CanonicalJson.write(payloadOf(e)).length();
    payloadOf(e).put("pad", "p".repeat(padding));

    IngestEvent parsed = parser().parse(body(e), "t").get(0);

    assertThat(parsed.payload()).hasSize(10240).startsWith(shell.substring(0, shell.length() - 1));
  }

  @Test
  void aHundredEventRealisticBatchParses() {
    List<IngestEvent> parsed = parser().parse(IngestFixtures.realisticBatch(100), "t");

    assertThat(parsed).hasSize(100);
    assertThat(parsed.get(0).eventType()).isEqualTo(EventType.SESSION_STARTED);
    assertThat(parsed.get(1).timestamp()).isEqualTo("2026-02-08T10:00:01.123Z");
    assertThat(parsed.get(3).severity()).isEqualTo(Severity.DEBUG);
    assertThat(parsed.get(5).metadata()).startsWith("{\"env\":\"prod\",\"region\":\"eu-west-1\"");
  }

  @Test
  void aHeapBufferSliceIsParsedInPlaceAndADirectBufferByCopy() {
    byte[] json = body(event("tool_call"));
    Buffer padded =
        Buffer.buffer().appendString("garbage").appendBytes(json).appendString("more garbage");
    Buffer slice = padded.slice(7, 7 + json.length);
    BufferInternal direct =
        BufferInternal.buffer(Unpooled.directBuffer(json.length).writeBytes(json));

    assertThat(parser().parse(slice, "t").get(0).eventType()).isEqualTo(EventType.TOOL_CALL);
    assertThat(parser().parse(direct, "t").get(0).eventType()).isEqualTo(EventType.TOOL_CALL);
    assertThat(parser().parse(Buffer.buffer(json), "t")).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "{",
        "{\"events\":[}",
        "{\"events\":[{}]",
        "{}x",
        "{} {}",
        "{}{}",
        "[]",
        "[{\"events\":[]}]",
        "null",
        "false",
        "true",
        "0",
        "\"events\"",
        "{\"events\":[,]}",
        "{\"events\":[{},]}",
        "{'events':[]}",
        "{events:[]}",
        "{\"events\":[NaN]}",
        "{\"events\":[01]}",
        "// comment\n{\"events\":[]}",
        "{\"events\":[\"\\x\"]}"
      })
  void malformedOrNonObjectBodiesAreInvalidJson(String body) {
    assertThatThrownBy(() -> parser().parse(bytes(body), "t"))
        .isInstanceOf(InvalidJsonException.class)
        .hasMessage("Invalid JSON body");
  }

  @Test
  void aMissingBodyIsInvalidJson() {
    assertThatThrownBy(() -> parser().parse((Buffer) null, "t"))
        .isInstanceOf(InvalidJsonException.class);
    assertThatThrownBy(() -> parser().parse(Buffer.buffer(), "t"))
        .isInstanceOf(InvalidJsonException.class);
  }

  @Test
  void invalidUtf8IsInvalidJson() {
    byte[] body = bytes("{\"events\":[\"xx\"]}");
    body[12] = (byte) 0xC3;
    body[13] = (byte) 0x28;

    assertThatThrownBy(() -> parser().parse(body, "t")).isInstanceOf(InvalidJsonException.class);
  }

  @Test
  void exceptionsAreStackless() {
    InvalidJsonException json =
        catchThrowableOfType(InvalidJsonException.class, () -> parser().parse(bytes("x"), "t"));
    IngestValidationException invalid =
        catchThrowableOfType(
            IngestValidationException.class, () -> parser().parse(bytes("{}"), "t"));

    assertThat(json.getStackTrace()).isEmpty();
    assertThat(invalid.getStackTrace()).isEmpty();
    assertThat(invalid).hasMessage("Validation failed");
  }

  @Test
  void aRejectedRequestMintsNoIds() {
    UlidGenerator ids = IngestFixtures.ids();
    IngestParser parser =
        new IngestParser(ids, Clock.fixed(IngestFixtures.NOW, ZoneOffset.UTC), 10);
    Map<String, Object> bad = event("custom");
    bad.remove("agentId");

    assertThatThrownBy(() -> parser.parse(body(List.of(event("custom"), bad)), "t"))
        .isInstanceOf(IngestValidationException.class);
    String first = parser.parse(body(event("custom")), "t").get(0).id();

    assertThat(first).isEqualTo(IngestFixtures.ids().next());
  }

  static List<ValidationIssue> issues(byte[] body) {
    return issues(parser(), body);
  }

  static List<ValidationIssue> issues(IngestParser parser, byte[] body) {
    IngestValidationException e =
        catchThrowableOfType(IngestValidationException.class, () -> parser.parse(body, "t"));
    assertThat(e).as("expected a validation failure").isNotNull();
    return e.details();
  }

  private static String quoted(String s) {
    StringBuilder b = new StringBuilder();
    CanonicalJson.writeString(s, b);
    return b.toString();
  }
}
