package dev.agentlens.bench;

import dev.agentlens.engine.json.CanonicalJson;
import dev.agentlens.engine.json.UlidGenerator;
import dev.agentlens.engine.model.EventType;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.PayloadFacts;
import dev.agentlens.engine.model.Severity;
import dev.agentlens.engine.model.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Realistic synthetic traffic: all 21 client types in a plausible mix (tool and LLM calls
 * dominate), 300–800-byte payloads, a fleet of agents each running several sessions. Deterministic
 * per seed.
 */
public final class EventMix {

  private static final String[] WORDS = {
    "search", "invoice", "customer", "refund", "analysis", "summary", "report", "deploy", "query",
    "ticket", "weather", "calendar", "email", "draft", "review", "context", "vector", "embedding"
  };
  private static final String[] MODELS = {"gpt-4o", "claude-sonnet-4", "gemini-2.5-pro", "llama-4"};
  private static final String[] PROVIDERS = {"openai", "anthropic", "google", "meta"};

  /** Weighted type mix: index into EventType.INGESTIBLE by cumulative weight. */
  private static final EventType[] MIX = buildMix();

  private final SplittableRandom random;
  private final UlidGenerator ids = new UlidGenerator();
  private final String tenantId;
  private final int sessions;
  private final int agents;
  private final int stepBound;
  private long clockMs;

  /** Timestamps advance by 0–2 ms per event (~1 ms mean). */
  public EventMix(long seed, String tenantId, int sessions, int agents, Instant start) {
    this(seed, tenantId, sessions, agents, start, 1);
  }

  /**
   * Timestamps advance by a uniform 0..2×{@code meanStepMs} ms per event, so {@code n} events span
   * about {@code n × meanStepMs} ms (e.g. 1M events over 30 days: {@code meanStepMs = 2592}). With
   * {@code meanStepMs = 1} the sequence is exactly that of the five-argument constructor.
   */
  public EventMix(
      long seed, String tenantId, int sessions, int agents, Instant start, long meanStepMs) {
    if (meanStepMs < 0 || meanStepMs > (Integer.MAX_VALUE - 1) / 2) {
      throw new IllegalArgumentException("meanStepMs out of range: " + meanStepMs);
    }
    this.random = new SplittableRandom(seed);
    this.tenantId = tenantId;
    this.sessions = sessions;
    this.agents = agents;
    this.stepBound = (int) (2 * meanStepMs + 1);
    this.clockMs = start.toEpochMilli();
  }

  /** The timestamp of the last event returned (the start before the first). */
  public Instant clock() {
    return Instant.ofEpochMilli(clockMs);
  }

  /** The next {@code n} events, timestamps advancing by the mean step each. */
  public List<IngestEvent> next(int n) {
    List<IngestEvent> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(next());
    }
    return out;
  }

  public IngestEvent next() {
    int s = random.nextInt(sessions);
    return next("sess_" + s, "agent_" + (s % agents), s % 3);
  }

  /**
   * The next event of the stream, but in the given session and agent (e.g. to build one session of
   * an exact size among the random ones); the clock advances as for {@link #next()}.
   */
  public IngestEvent next(String sessionId, String agentId) {
    return next(sessionId, agentId, Math.floorMod(sessionId.hashCode(), 3));
  }

  private IngestEvent next(String sessionId, String agentId, int region) {
    EventType type = MIX[random.nextInt(MIX.length)];
    Map<String, Object> payload = payload(type);
    clockMs += random.nextInt(stepBound);
    Severity severity =
        type == EventType.TOOL_ERROR
            ? Severity.ERROR
            : random.nextInt(50) == 0 ? Severity.WARN : Severity.INFO;
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("env", "prod");
    metadata.put("region", "eu-west-" + region);
    return new IngestEvent(
        tenantId,
        ids.next(),
        false,
        Timestamps.format(Instant.ofEpochMilli(clockMs)),
        sessionId,
        agentId,
        type,
        severity,
        CanonicalJson.write(payload),
        CanonicalJson.write(metadata),
        PayloadFacts.extract(type, payload));
  }

  private Map<String, Object> payload(EventType type) {
    Map<String, Object> p = new LinkedHashMap<>();
    String callId = "call_" + Long.toHexString(random.nextLong());
    int m = random.nextInt(MODELS.length);
    switch (type) {
      case TOOL_CALL -> {
        p.put("toolName", WORDS[random.nextInt(WORDS.length)] + "_tool");
        p.put("callId", callId);
        p.put("arguments", Map.of("query", text(8, 40), "limit", (double) random.nextInt(50)));
      }
      case TOOL_RESPONSE -> {
        p.put("callId", callId);
        p.put("toolName", WORDS[random.nextInt(WORDS.length)] + "_tool");
        p.put("result", text(30, 90));
        p.put("durationMs", (double) random.nextInt(2000));
      }
      case TOOL_ERROR -> {
        p.put("callId", callId);
        p.put("toolName", WORDS[random.nextInt(WORDS.length)] + "_tool");
        p.put("error", "timeout after " + random.nextInt(30) + "s: " + text(5, 20));
        p.put("durationMs", (double) random.nextInt(30000));
      }
      case LLM_CALL -> {
        p.put("callId", callId);
        p.put("provider", PROVIDERS[m]);
        p.put("model", MODELS[m]);
        p.put("messages", List.of(Map.of("role", "user", "content", text(20, 80))));
      }
      case LLM_RESPONSE -> {
        p.put("callId", callId);
        p.put("provider", PROVIDERS[m]);
        p.put("model", MODELS[m]);
        p.put("completion", text(30, 90));
        p.put("finishReason", "stop");
        double in = random.nextInt(4000);
        double out = random.nextInt(1000);
        p.put("usage", Map.of("inputTokens", in, "outputTokens", out, "totalTokens", in + out));
        p.put("costUsd", (in * 2.5 + out * 10) / 1_000_000);
        p.put("latencyMs", (double) random.nextInt(8000));
      }
      case COST_TRACKED -> {
        p.put("provider", PROVIDERS[m]);
        p.put("model", MODELS[m]);
        p.put("inputTokens", (double) random.nextInt(4000));
        p.put("outputTokens", (double) random.nextInt(1000));
        p.put("totalTokens", (double) random.nextInt(5000));
        p.put("costUsd", random.nextInt(10000) / 100000.0);
        p.put("note", text(20, 60));
      }
      case SESSION_STARTED -> {
        p.put("agentName", "Agent " + random.nextInt(100));
        p.put("tags", List.of("prod", WORDS[random.nextInt(WORDS.length)]));
        p.put("description", text(20, 60));
      }
      case SESSION_ENDED -> {
        p.put("reason", random.nextInt(10) == 0 ? "error" : "completed");
        p.put("summary", text(20, 70));
      }
      case CUSTOM -> {
        p.put("type", "checkpoint");
        p.put("data", Map.of("note", text(30, 90)));
      }
      case APPROVAL_REQUESTED -> {
        p.put("requestId", callId);
        p.put("action", WORDS[random.nextInt(WORDS.length)]);
        p.put("params", Map.of("reason", text(10, 40)));
        p.put("urgency", "normal");
      }
      case APPROVAL_GRANTED, APPROVAL_DENIED, APPROVAL_EXPIRED -> {
        p.put("requestId", callId);
        p.put("action", WORDS[random.nextInt(WORDS.length)]);
        p.put("decidedBy", "ops-" + random.nextInt(5));
        p.put("reason", text(10, 40));
      }
      case FORM_SUBMITTED, FORM_COMPLETED, FORM_EXPIRED -> {
        p.put("submissionId", callId);
        p.put("formId", "form-" + random.nextInt(20));
        p.put("fieldCount", (double) random.nextInt(12));
        p.put("completedBy", "user-" + random.nextInt(100));
        p.put("durationMs", (double) random.nextInt(60000));
        p.put("expiredAfterMs", 3_600_000.0);
        p.put("notes", text(10, 40));
      }
      case ALERT_TRIGGERED, ALERT_RESOLVED -> {
        p.put("alertRuleId", "rule-" + random.nextInt(10));
        p.put("alertName", "error rate");
        p.put("condition", "error_rate_exceeds");
        p.put("currentValue", random.nextInt(100) / 100.0);
        p.put("threshold", 0.1);
        p.put("message", text(10, 40));
      }
      case RETRIEVAL -> {
        p.put("query", text(5, 20));
        p.put("retrieverName", "docs");
        p.put("topK", 5.0);
        p.put("resultCount", (double) random.nextInt(6));
        p.put("durationMs", (double) random.nextInt(300));
        p.put("snippet", text(20, 60));
      }
      case EMBEDDING -> {
        p.put("model", "text-embedding-3-small");
        p.put("inputCount", (double) (1 + random.nextInt(16)));
        p.put("dimensions", 1536.0);
        p.put("input", text(20, 60));
      }
      default -> {
        p.put("name", WORDS[random.nextInt(WORDS.length)] + "_step");
        p.put("stepType", "tool");
        p.put("durationMs", (double) random.nextInt(500));
        p.put("details", text(30, 90));
      }
    }
    return p;
  }

  private String text(int minWords, int maxWords) {
    int n = minWords + random.nextInt(maxWords - minWords + 1);
    StringBuilder sb = new StringBuilder(n * 8);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }

  private static EventType[] buildMix() {
    List<EventType> mix = new ArrayList<>();
    for (EventType t : EventType.INGESTIBLE) {
      int weight =
          switch (t) {
            case TOOL_CALL, TOOL_RESPONSE -> 20;
            case LLM_CALL, LLM_RESPONSE -> 12;
            case COST_TRACKED -> 6;
            case TOOL_ERROR, CUSTOM -> 3;
            default -> 1;
          };
      for (int i = 0; i < weight; i++) {
        mix.add(t);
      }
    }
    return mix.toArray(EventType[]::new);
  }
}
