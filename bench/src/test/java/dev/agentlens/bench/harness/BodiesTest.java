package dev.agentlens.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BodiesTest {

  @Test
  void theOpenLoopRingLeavesTimestampsToTheServer() {
    List<Buffer> ring = Bodies.openLoopRing(100);

    assertThat(ring).hasSize(200);
    Set<String> sessions = new HashSet<>();
    for (Buffer body : ring) {
      JsonArray events = new JsonObject(body).getJsonArray("events");
      assertThat(events).hasSize(100);
      for (int i = 0; i < events.size(); i++) {
        JsonObject e = events.getJsonObject(i);
        assertThat(e.containsKey("timestamp")).isFalse();
        assertThat(e.getString("sessionId")).isNotBlank();
        assertThat(e.getString("eventType")).isNotBlank();
        assertThat(e.getJsonObject("payload")).isNotNull();
        sessions.add(e.getString("sessionId"));
      }
    }
    assertThat(sessions).hasSize(64);
  }
}
