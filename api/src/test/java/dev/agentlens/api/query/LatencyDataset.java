package dev.agentlens.api.query;

import dev.agentlens.engine.config.AgentLensConfig;
import dev.agentlens.engine.json.CanonicalJson;
import dev.agentlens.engine.json.UlidGenerator;
import dev.agentlens.engine.model.DrainBatch;
import dev.agentlens.engine.model.EventType;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.PayloadFacts;
import dev.agentlens.engine.model.Severity;
import dev.agentlens.engine.model.Timestamps;
import dev.agentlens.engine.store.EventStore;
import dev.agentlens.engine.store.StoreSettings;
import dev.agentlens.engine.store.sqlite.SqliteEventStore;
import dev.agentlens.engine.store.sqlite.SqliteSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The 1M-event database of {@link QueryLatencyIT}: {@link #SESSION_EVENTS}-event sessions, {@link
 * #CONCURRENT} running at a time, {@link #AGENTS} agents, an upstream-like type mix with
 * 200–600-byte payloads, spread evenly over {@link #SPAN} from {@link #START}; written straight
 * through {@code EventStore.write} in 10k-event drain batches.
 */
final class LatencyDataset {
  private LatencyDataset() {}

  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final Duration SPAN = Duration.ofDays(30);
  static final int SESSION_EVENTS = 1000;
  static final int CONCURRENT = 10;
  static final int AGENTS = 20;

  static void build(AgentLensConfig config, int total) throws Exception {
    Vertx vertx = Vertx.vertx();
    EventStore store =
        new SqliteEventStore(
            vertx,
            new SqliteSettings(config.sqlite().file(), config.sqlite().pragmas(), 2),
            StoreSettings.defaults());
    await(store.start());
    Generator g = new Generator(total);
    for (long batch = 0; g.remaining() > 0; batch++) {
      await(store.write(new DrainBatch(g.next(10_000), "perf", batch)));
    }
    await(store.close());
    await(vertx.close());
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.MINUTES);
  }

  /** Events in time order: blocks of {@link #CONCURRENT} sessions interleaved. */
  private static final class Generator {
    private static final String[] WORDS = {
      "search", "invoice", "customer", "refund", "analysis", "summary", "report", "deploy",
      "ticket", "weather", "calendar", "email", "draft", "review", "context", "vector"
    };
    private static final String[] MODELS = {"gpt-4o", "claude-sonnet-4", "gemini-2.5-pro"};
    private static final String[] PROVIDERS = {"openai", "anthropic", "google"};

    private final SplittableRandom random = new SplittableRandom(42);
    private final UlidGenerator ids = new UlidGenerator();
    private final int total;
    private final long stepMs;
    private int k;

    Generator(int total) {
      this.total = total;
      this.stepMs = SPAN.toMillis() / total;
    }

    int remaining() {
      return total - k;
    }

    List<IngestEvent> next(int n) {
      List<IngestEvent> out = new ArrayList<>(n);
      for (int i = 0; i < n && k < total; i++, k++) {
        out.add(event(k));
      }
      return out;
    }

    private IngestEvent event(int index) {
      int block = index / (CONCURRENT * SESSION_EVENTS);
      int session = block * CONCURRENT + index % CONCURRENT;
      int position = (index % (CONCURRENT * SESSION_EVENTS)) / CONCURRENT;
      EventType type =
          position == 0
              ? EventType.SESSION_STARTED
              : position == SESSION_EVENTS - 1 ? EventType.SESSION_ENDED : type();
      Map<String, Object> payload = payload(type);
      Severity severity =
          type == EventType.TOOL_ERROR
              ? Severity.ERROR
              : random.nextInt(50) == 0 ? Severity.WARN : Severity.INFO;
      return new IngestEvent(
          "default",
          ids.next(),
          false,
          Timestamps.format(START.plusMillis(index * stepMs)),
          "sess-" + session,
          "agent-" + session % AGENTS,
          type,
          severity,
          CanonicalJson.write(payload),
          "{\"env\":\"prod\"}",
          PayloadFacts.extract(type, payload));
    }

    private EventType type() {
      int roll = random.nextInt(100);
      if (roll < 25) {
        return EventType.TOOL_CALL;
      } else if (roll < 48) {
        return EventType.TOOL_RESPONSE;
      } else if (roll < 50) {
        return EventType.TOOL_ERROR;
      } else if (roll < 62) {
        return EventType.LLM_CALL;
      } else if (roll < 74) {
        return EventType.LLM_RESPONSE;
      } else if (roll < 80) {
        return EventType.COST_TRACKED;
      }
      return EventType.CUSTOM;
    }

    private Map<String, Object> payload(EventType type) {
      Map<String, Object> p = new LinkedHashMap<>();
      int m = random.nextInt(MODELS.length);
      String callId = "call_" + Long.toHexString(random.nextLong());
      switch (type) {
        case TOOL_CALL -> {
          p.put("toolName", WORDS[random.nextInt(WORDS.length)] + "_tool");
          p.put("callId", callId);
          p.put("arguments", Map.of("query", text(8, 40)));
        }
        case TOOL_RESPONSE, TOOL_ERROR -> {
          p.put("callId", callId);
          p.put("toolName", WORDS[random.nextInt(WORDS.length)] + "_tool");
          p.put(type == EventType.TOOL_ERROR ? "error" : "result", text(20, 80));
          p.put("durationMs", (double) random.nextInt(2000));
        }
        case LLM_CALL -> {
          p.put("callId", callId);
          p.put("provider", PROVIDERS[m]);
          p.put("model", MODELS[m]);
          p.put("messages", List.of(Map.of("role", "user", "content", text(20, 80))));
        }
        case LLM_RESPONSE -> {
          double in = random.nextInt(4000);
          double out = random.nextInt(1000);
          p.put("callId", callId);
          p.put("provider", PROVIDERS[m]);
          p.put("model", MODELS[m]);
          p.put("completion", text(30, 90));
          p.put("finishReason", "stop");
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
        }
        case SESSION_STARTED -> {
          p.put("agentName", "Agent " + random.nextInt(100));
          p.put("tags", List.of("prod", WORDS[random.nextInt(WORDS.length)]));
        }
        case SESSION_ENDED -> p.put("reason", random.nextInt(10) == 0 ? "error" : "completed");
        default -> {
          p.put("type", "checkpoint");
          p.put("data", Map.of("note", text(30, 90)));
        }
      }
      return p;
    }

    private String text(int minWords, int maxWords) {
      int n = minWords + random.nextInt(maxWords - minWords);
      StringBuilder sb = new StringBuilder(n * 7);
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          sb.append(' ');
        }
        sb.append(WORDS[random.nextInt(WORDS.length)]);
      }
      return sb.toString();
    }
  }
}
