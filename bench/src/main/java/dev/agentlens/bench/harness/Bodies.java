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
   * The open-loop runs' bodies: 200 of {@code batch} events (64 sessions, 8 agents), sent
   * round-robin, rendered before the clock starts. They carry no timestamp, so the server stamps
   * each event with its arrival, as an SDK stamping events when they happen would: re-sent with
   * fixed timestamps, millions of events would land inside one 20-second stretch of every
   * time-keyed index, an insert pattern no fleet produces (it slowed the drainer to ~6k events/s).
   */
  static List<Buffer> openLoopRing(int batch) {
    EventMix mix = new EventMix(7, "default", 64, 8, Instant.now().minus(Duration.ofHours(1)));
    List<Buffer> out = new ArrayList<>(RING_BODIES);
    for (int i = 0; i < RING_BODIES; i++) {
      out.add(render(mix.next(batch), null, false));
    }
    return out;
  }

  private static final int RING_BODIES = 200;

  /** The body for these events; {@code sessionId} non-null puts them all in that session. */
  static Buffer render(List<IngestEvent> events, String sessionId) {
    return render(events, sessionId, true);
  }

  private static Buffer render(List<IngestEvent> events, String sessionId, boolean timestamps) {
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
      if (timestamps) {
        sb.append(",\"timestamp\":\"").append(e.timestamp()).append('"');
      }
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
