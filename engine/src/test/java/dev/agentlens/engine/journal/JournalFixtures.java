package dev.agentlens.engine.journal;

import dev.agentlens.engine.model.EventType;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.PayloadFacts;
import dev.agentlens.engine.model.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Events and settings for the journal tests. */
final class JournalFixtures {
  static final String TENANT = "tenant-a";

  private JournalFixtures() {}

  static IngestEvent event(String id, String payload) {
    return event(TENANT, id, payload, PayloadFacts.NONE);
  }

  static IngestEvent event(String tenant, String id, String payload, PayloadFacts facts) {
    return new IngestEvent(
        tenant,
        id,
        false,
        "2026-01-02T03:04:05.678Z",
        "session-1",
        "agent-1",
        EventType.TOOL_CALL,
        Severity.INFO,
        payload,
        "{}",
        facts);
  }

  /** {@code n} events whose payloads are about {@code payloadBytes} long, tagged by {@code tag}. */
  static List<IngestEvent> batch(String tag, int n, int payloadBytes) {
    String filler = "x".repeat(Math.max(0, payloadBytes - 40));
    List<IngestEvent> events = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      events.add(event(tag + "-" + i, "{\"toolName\":\"search\",\"q\":\"" + filler + "\"}"));
    }
    return events;
  }

  /** Polls {@code read} until it returns non-null, failing after ten seconds. */
  static <T> T pollUntilPresent(Supplier<T> read) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      T value = read.get();
      if (value != null) {
        return value;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
    throw new AssertionError("nothing read within 10 s");
  }

  static JournalSettings settings(Path dir, SyncMode sync, String rollCycle) {
    return new JournalSettings(dir, sync, Duration.ofMinutes(10), rollCycle);
  }
}
