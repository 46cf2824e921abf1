package dev.agentlens.engine.testing;

import dev.agentlens.engine.json.CanonicalJson;
import dev.agentlens.engine.json.UlidGenerator;
import dev.agentlens.engine.model.EventType;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.PayloadFacts;
import dev.agentlens.engine.model.Severity;
import dev.agentlens.engine.model.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds {@link IngestEvent}s the way the HTTP layer would journal them: realistic payloads per
 * event type, canonical JSON text, payload facts extracted from the canonical form, canonical
 * timestamps and monotonic ULIDs (or client ids). Timestamps not given explicitly come from a
 * cursor that advances by a fixed step per built event, so build order is time order by default.
 *
 * <p>Not thread-safe: one instance per test.
 */
public final class TestEvents {
  public static final String DEFAULT_AGENT = "agent-1";

  private final String tenantId;
  private final Duration step;
  private final UlidGenerator ulids = new UlidGenerator();
  private Instant cursor;
  private String defaultAgent = DEFAULT_AGENT;
  private int calls;

  public TestEvents(String tenantId, Instant start) {
    this(tenantId, start, Duration.ofSeconds(1));
  }

  public TestEvents(String tenantId, Instant start, Duration step) {
    this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
    this.cursor = Objects.requireNonNull(start, "start");
    this.step = Objects.requireNonNull(step, "step");
  }

  public String tenantId() {
    return tenantId;
  }

  /** The timestamp the next event without an explicit one will get. */
  public Instant cursor() {
    return cursor;
  }

  /** Moves the auto-timestamp cursor (e.g. to start a later burst of events). */
  public TestEvents moveTo(Instant next) {
    this.cursor = Objects.requireNonNull(next, "next");
    return this;
  }

  public TestEvents defaultAgent(String agentId) {
    this.defaultAgent = Objects.requireNonNull(agentId, "agentId");
    return this;
  }

  /** A fresh server-style id (monotonic ULID). */
  public String mintId() {
    return ulids.next();
  }

  /** A builder for {@code type} with a realistic default payload for that type. */
  public Builder event(EventType type, String sessionId) {
    return new Builder(type, sessionId, defaultPayload(type));
  }

  public Builder sessionStarted(String sessionId) {
    return event(EventType.SESSION_STARTED, sessionId);
  }

  public Builder sessionEnded(String sessionId, String reason) {
    return event(EventType.SESSION_ENDED, sessionId).with("reason", reason);
  }

  public Builder toolCall(String sessionId, String toolName) {
    return event(EventType.TOOL_CALL, sessionId).with("toolName", toolName);
  }

  public Builder toolResponse(String sessionId, String toolName, double durationMs) {
    return event(EventType.TOOL_RESPONSE, sessionId)
        .with("toolName", toolName)
        .with("durationMs", durationMs);
  }

  public Builder toolError(String sessionId, String toolName, double durationMs) {
    return event(EventType.TOOL_ERROR, sessionId)
        .with("toolName", toolName)
        .with("durationMs", durationMs);
  }

  public Builder llmCall(String sessionId, String provider, String model) {
    return event(EventType.LLM_CALL, sessionId).with("provider", provider).with("model", model);
  }

  public Builder llmResponse(
      String sessionId,
      String provider,
      String model,
      long inputTokens,
      long outputTokens,
      double costUsd,
      double latencyMs) {
    return event(EventType.LLM_RESPONSE, sessionId)
        .with("provider", provider)
        .with("model", model)
        .with(
            "usage",
            obj(
                "inputTokens",
                inputTokens,
                "outputTokens",
                outputTokens,
                "totalTokens",
                inputTokens + outputTokens))
        .with("costUsd", costUsd)
        .with("latencyMs", latencyMs);
  }

  public Builder costTracked(
      String sessionId,
      String provider,
      String model,
      long inputTokens,
      long outputTokens,
      double costUsd) {
    return event(EventType.COST_TRACKED, sessionId)
        .with("provider", provider)
        .with("model", model)
        .with("inputTokens", inputTokens)
        .with("outputTokens", outputTokens)
        .with("totalTokens", inputTokens + outputTokens)
        .with("costUsd", costUsd);
  }

  public Builder custom(String sessionId, String type) {
    return event(EventType.CUSTOM, sessionId).with("type", type);
  }

  /** The {@code i}th of a tool call, an LLM call, a tool error and a custom event, in turn. */
  public Builder inTurn(int i, String sessionId) {
    return switch (i % 4) {
      case 0 -> toolCall(sessionId, "x");
      case 1 -> llmCall(sessionId, "openai", "gpt-4o");
      case 2 -> toolError(sessionId, "x", 5);
      default -> custom(sessionId, "y");
    };
  }

  /** An OTLP metric as the receiver maps it: custom otlp_metric + metadata source otlp_metric. */
  public Builder otlpMetric(String sessionId, String name, double value) {
    return event(EventType.CUSTOM, sessionId)
        .payload(
            obj(
                "type",
                "otlp_metric",
                "data",
                obj("name", name, "value", value, "attributes", obj())))
        .meta("source", "otlp_metric")
        .meta("metricName", name);
  }

  /** An ordered JSON object from alternating keys and values. */
  public static Map<String, Object> obj(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must pair up");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  public static List<Object> arr(Object... values) {
    return new ArrayList<>(Arrays.asList(values));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> defaultPayload(EventType type) {
    String id = "call-" + (++calls);
    String json =
        switch (type) {
          case SESSION_STARTED -> "{'agentVersion':'1.4.2','mcpClientInfo':{'name':'cli'}}";
          case SESSION_ENDED ->
              "{'reason':'completed','summary':'Ticket resolved','totalToolCalls':2,"
                  + "'totalDurationMs':5400}";
          case TOOL_CALL ->
              "{'toolName':'web_search','callId':'#','arguments':{'query':'weather in Paris'}}";
          case TOOL_RESPONSE ->
              "{'callId':'#','toolName':'web_search','result':{'ok':true,'items':3},"
                  + "'durationMs':120}";
          case TOOL_ERROR ->
              "{'callId':'#','toolName':'web_search','error':'Connection timed out',"
                  + "'durationMs':3000,'errorCode':'ETIMEDOUT'}";
          case APPROVAL_REQUESTED ->
              "{'requestId':'req-#','action':'send_email','params':{'to':'ops@example.com'},"
                  + "'urgency':'normal'}";
          case APPROVAL_GRANTED, APPROVAL_EXPIRED ->
              "{'requestId':'req-#','action':'send_email','decidedBy':'alice'}";
          case APPROVAL_DENIED ->
              "{'requestId':'req-#','action':'send_email','decidedBy':'alice',"
                  + "'reason':'Not during freeze'}";
          case FORM_SUBMITTED ->
              "{'submissionId':'sub-#','formId':'form-7','fieldCount':4,"
                  + "'formName':'Refund request'}";
          case FORM_COMPLETED ->
              "{'submissionId':'sub-#','formId':'form-7','completedBy':'bob','durationMs':42000}";
          case FORM_EXPIRED ->
              "{'submissionId':'sub-#','formId':'form-7','expiredAfterMs':86400000}";
          case COST_TRACKED ->
              "{'provider':'openai','model':'gpt-4o','inputTokens':1000,'outputTokens':200,"
                  + "'totalTokens':1200,'costUsd':0.012,'trigger':'llm_response'}";
          case LLM_CALL ->
              "{'callId':'#','provider':'openai','model':'gpt-4o','messages':["
                  + "{'role':'system','content':'You are a support agent.'},"
                  + "{'role':'user','content':'Summarise ticket 4711'}],"
                  + "'parameters':{'temperature':0.2,'maxTokens':512}}";
          case LLM_RESPONSE ->
              "{'callId':'#','provider':'openai','model':'gpt-4o',"
                  + "'completion':'The customer asks for a refund.','finishReason':'stop',"
                  + "'usage':{'inputTokens':420,'outputTokens':38,'totalTokens':458},"
                  + "'costUsd':0.0049,'latencyMs':850}";
          case ALERT_TRIGGERED ->
              "{'alertRuleId':'rule-1','alertName':'High error rate',"
                  + "'condition':'error_rate_exceeds','currentValue':0.4,'threshold':0.1,"
                  + "'message':'Error rate 40.0% exceeds threshold 10.0% in the last 60m'}";
          case ALERT_RESOLVED ->
              "{'alertRuleId':'rule-1','alertName':'High error rate','resolvedBy':'auto'}";
          case RETRIEVAL ->
              "{'query':'refund policy','retrieverName':'kb','topK':5,'resultCount':3,"
                  + "'durationMs':35}";
          case EMBEDDING ->
              "{'model':'text-embedding-3-small','inputCount':8,'dimensions':1536,"
                  + "'durationMs':12}";
          case CHAIN_STEP -> "{'name':'plan','stepType':'reasoning','durationMs':150}";
          case CUSTOM -> "{'type':'checkpoint','data':{'step':3}}";
          case ERROR -> "{'message':'Unhandled exception in agent loop','code':'E_AGENT'}";
          case EVAL_RESULT -> "{'evalId':'eval-1','score':0.87,'passed':true}";
          case HUMAN_SCORE -> "{'score':4,'reviewer':'carol'}";
          case FEEDBACK -> "{'rating':'positive','comment':'Helpful answer'}";
          case SKILL_ACTIVATED -> "{'skillName':'pdf-reader','source':'claude_code'}";
        };
    // Templates use ' for readability and # for the per-event call id; parsed maps are mutable.
    return (Map<String, Object>) CanonicalJson.parse(json.replace('\'', '"').replace("#", id));
  }

  /** One event under construction; {@link #build} mints the id and the auto timestamp. */
  public final class Builder {
    private final EventType type;
    private final String sessionId;
    private Map<String, Object> payload;
    private final Map<String, Object> metadata = new LinkedHashMap<>();
    private String tenant = tenantId;
    private String agent = defaultAgent;
    private String timestamp;
    private Severity severity = Severity.INFO;
    private String id;
    private boolean clientId;

    private Builder(EventType type, String sessionId, Map<String, Object> payload) {
      this.type = type;
      this.sessionId = sessionId;
      this.payload = payload;
    }

    public Builder tenant(String tenantId) {
      this.tenant = tenantId;
      return this;
    }

    public Builder agent(String agentId) {
      this.agent = agentId;
      return this;
    }

    /** Any RFC 3339 form the API accepts; stored canonically. */
    public Builder at(String rfc3339) {
      this.timestamp = Timestamps.canonicalize(rfc3339);
      return this;
    }

    public Builder at(Instant instant) {
      this.timestamp = Timestamps.format(instant);
      return this;
    }

    public Builder severity(Severity s) {
      this.severity = s;
      return this;
    }

    /** Sets (or replaces) one top-level payload field. */
    public Builder with(String key, Object value) {
      payload.put(key, value);
      return this;
    }

    public Builder without(String key) {
      payload.remove(key);
      return this;
    }

    /** Replaces the whole payload. */
    public Builder payload(Map<String, Object> newPayload) {
      this.payload = new LinkedHashMap<>(newPayload);
      return this;
    }

    public Builder agentName(String name) {
      return with("agentName", name);
    }

    public Builder tags(String... tags) {
      return with("tags", arr((Object[]) tags));
    }

    public Builder meta(String key, Object value) {
      metadata.put(key, value);
      return this;
    }

    /** A server-minted id chosen by the test (not deduplicated). */
    public Builder id(String serverId) {
      this.id = serverId;
      this.clientId = false;
      return this;
    }

    /** A client-supplied id: a repeat within the tenant is a duplicate (SPEC §2). */
    public Builder clientId(String id) {
      this.id = id;
      this.clientId = true;
      return this;
    }

    @SuppressWarnings("unchecked")
    public IngestEvent build() {
      String ts = timestamp;
      if (ts == null) {
        ts = Timestamps.format(cursor);
        cursor = cursor.plus(step);
      }
      String payloadText = CanonicalJson.write(payload);
      // Facts come from the canonical form, exactly what the HTTP layer hands the journal.
      Map<String, Object> canonical = (Map<String, Object>) CanonicalJson.parse(payloadText);
      return new IngestEvent(
          tenant,
          id != null ? id : ulids.next(),
          clientId,
          ts,
          sessionId,
          agent,
          type,
          severity,
          payloadText,
          CanonicalJson.write(metadata),
          PayloadFacts.extract(type, canonical));
    }
  }
}
