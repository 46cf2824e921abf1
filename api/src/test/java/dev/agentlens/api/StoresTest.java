package dev.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.engine.store.EventStore;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoresTest {
  @TempDir Path dir;

  @Test
  void aConfiguredCheckpointIntervalMovesCheckpointsToABackgroundThread() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      EventStore store =
          Stores.open(
              vertx,
              TestServer.config(dir, Map.of("sqlite.checkpoint-interval", "250ms")),
              Clock.systemUTC());
      store.start().await();
      try {
        assertThat(threadNames()).contains("agentlens-sqlite-checkpointer");
      } finally {
        store.close().await();
      }
    } finally {
      vertx.close().await();
    }
  }

  private static Set<String> threadNames() {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .collect(Collectors.toSet());
  }
}
