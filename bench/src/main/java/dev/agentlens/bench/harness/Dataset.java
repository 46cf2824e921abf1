package dev.agentlens.bench.harness;

import dev.agentlens.bench.EventMix;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The bench dataset: {@code total} events of a plausible fleet spread evenly over the last 30 days
 * (so a 24h window holds a thirtieth of them, as in production), plus one session of exactly 1,000
 * events for the timeline figure.
 */
final class Dataset {
  static final int SESSIONS = 200;
  static final int AGENTS = 10;
  static final String TIMELINE_SESSION = "bench_timeline_1000";
  static final Duration SPAN = Duration.ofDays(30);

  final Instant from;
  final Instant to;
  final EventMix mix;

  Dataset(long total, Instant now) {
    this.to = now;
    this.from = now.minus(SPAN);
    long stepMs = Math.max(1, SPAN.toMillis() / Math.max(1, total));
    this.mix = new EventMix(42, "default", SESSIONS, AGENTS, from, stepMs);
  }

  /** Ten bodies of 100 events, all in the timeline session. */
  List<Buffer> timelineBodies() {
    EventMix m = new EventMix(43, "default", 1, 1, from.plus(Duration.ofDays(1)), 50);
    List<Buffer> out = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      out.add(Bodies.render(m.next(100), TIMELINE_SESSION));
    }
    return out;
  }
}
