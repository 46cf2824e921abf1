package dev.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * drain.max-batch-bytes bounds a transaction by the journaled bytes it holds, whatever the event
 * count, so large payloads cannot make one drain batch (and the drainer's heap) arbitrarily big; an
 * entry larger than the budget on its own still drains, alone.
 */
class DrainBatchBytesIT {
  private static final int BUDGET = 16 * 1024;
  private static final int ARGUMENT_CHARS = 3000;

  @TempDir Path dir;

  @Test
  void batchesStayWithinTheByteBudgetAndAnOversizedEntryDrainsAlone() throws Exception {
    AtomicReference<GatedEventStore> gated = new AtomicReference<>();
    try (TestServer server =
        TestServer.start(
            dir,
            Map.of("drain.max-batch-bytes", BUDGET + "", "drain.max-delay", "1ms"),
            GatedEventStore.into(gated))) {
      gated.get().hold();
      int single = 20;
      for (int i = 0; i < single; i++) {
        assertThat(server.post("/api/events", batch("bytes-" + (i % 4), 1)).status())
            .isEqualTo(202);
      }
      int oversized = 10; // ~30 KiB in one journal entry
      assertThat(server.post("/api/events", batch("bytes-big", oversized)).status()).isEqualTo(202);
      gated.get().release();
      TestServer.await(
          "every event committed",
          Duration.ofSeconds(30),
          () -> server.storedEvents() == single + oversized);

      List<Integer> sizes = gated.get().writeSizes;
      assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(single + oversized);
      // Each ~3.1 KiB single-event entry: at most five fit in 16 KiB, never the twenty queued.
      assertThat(sizes).contains(oversized).allMatch(n -> n <= 5 || n == oversized);
      assertThat(sizes).as("entries still share transactions").anyMatch(n -> n >= 2 && n <= 5);
    }
  }

  private static String batch(String session, int n) {
    JsonArray events = new JsonArray();
    for (int i = 0; i < n; i++) {
      JsonObject e = WireEvents.event(session, "bytes-agent", "tool_call");
      e.getJsonObject("payload")
          .put("arguments", new JsonObject().put("q", "x".repeat(ARGUMENT_CHARS)));
      events.add(e);
    }
    return WireEvents.body(events);
  }
}
