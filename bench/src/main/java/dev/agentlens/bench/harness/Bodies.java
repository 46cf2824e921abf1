package dev.agentlens.bench.harness;

import dev.agentlens.bench.EventMix;
import dev.agentlens.engine.json.CanonicalJson;
import dev.agentlens.engine.model.IngestEvent;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Request bodies of {@code POST /api/events} in the upstream wire format, rendered ahead of time.
 */
final class Bodies {
  private Bodies() {}

  /**
   * The open-loop runs' bodies: 200 of {@code batch} events (64 sessions, 8 agents, the last hour),
   * sent round-robin, rendered before the clock starts.
   */
  static List<Buffer> openLoopRing(int batch) {
    return ring(
        new EventMix(7, "default", 64, 8, Instant.now().minus(Duration.ofHours(1))), 200, batch);
  }

  /** {@code count} bodies of {@code batch} events each. */
  static List<Buffer> ring(EventMix mix, int count, int batch) {
    List<Buffer> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(render(mix.next(batch), null));
    }
    return out;
  }

  /** The body for these events; {@code sessionId} non-null puts them all in that session. */
  static Buffer render(List<IngestEvent> events, String sessionId) {
    StringBuilder sb = new StringBuilder(events.size() * 800);
    sb.append("{\"events\":[");
    for (int i = 0; i < events.size(); i++) {
      IngestEvent e = events.get(i);
      sb.append(i == 0 ? "{" : ",{");
      sb.append("\"sessionId\":");
      CanonicalJson.writeString(sessionId != null ? sessionId : e.sessionId(), sb);
      sb.append(",\"agentId\":");
      CanonicalJson.writeString(e.agentId(), sb);
      sb.append(",\"eventType\":\"").append(e.eventType().wire()).append('"');
      sb.append(",\"severity\":\"").append(e.severity().wire()).append('"');
      sb.append(",\"timestamp\":\"").append(e.timestamp()).append('"');
      sb.append(",\"payload\":").append(e.payload());
      sb.append(",\"metadata\":").append(e.metadata()).append('}');
    }
    return Buffer.buffer(sb.append("]}").toString());
  }

  /** The last event id of a 202/201 ingest reply ({@code {"ingested":n,"events":[{"id":…}]}}). */
  static String lastId(Buffer reply) {
    String s = reply.toString();
    int at = s.lastIndexOf("\"id\":\"");
    if (at < 0) {
      return null;
    }
    int from = at + 6;
    return s.substring(from, s.indexOf('"', from));
  }
}
