package dev.agentlens.engine.store;

import dev.agentlens.engine.model.Timestamps;
import java.time.Duration;
import java.time.Instant;

/**
 * A partial hour at one edge of an analytics window (it shares a boundary with its hour), and the
 * rest of that hour. The edge's groups are either its own events, or the hour's rollup rows minus
 * the events of the rest: whichever scans fewer events. On an hour of steady traffic that halves
 * the events an analytics window reads on average, and never reads more than half an hour.
 *
 * @param hour the hour ({@code YYYY-MM-DDTHH})
 * @param part the edge itself, inclusive
 * @param rest the rest of the hour, inclusive
 */
public record EdgeHour(String hour, RollupWindow.Range part, RollupWindow.Range rest) {
  private static final long HOUR_MS = Duration.ofHours(1).toMillis();

  /**
   * The edge {@code part}: a canonical range inside one hour, starting or ending it, not all of it.
   */
  public static EdgeHour of(RollupWindow.Range part) {
    String hour = HourlyRollup.hourOf(part.from());
    Instant start = Instant.parse(hour + ":00:00.000Z");
    Instant end = start.plusMillis(HOUR_MS - 1);
    Instant from = Instant.parse(part.from());
    Instant to = Instant.parse(part.to());
    RollupWindow.Range rest =
        from.equals(start)
            ? new RollupWindow.Range(Timestamps.format(to.plusMillis(1)), Timestamps.format(end))
            : new RollupWindow.Range(
                Timestamps.format(start), Timestamps.format(from.minusMillis(1)));
    return new EdgeHour(hour, part, rest);
  }

  /** True when the rest of the hour spans less time than the edge, so it is the cheaper scan. */
  public boolean restIsShorter() {
    long partMs = Duration.between(Instant.parse(part.from()), Instant.parse(part.to())).toMillis();
    return partMs + 1 > HOUR_MS / 2;
  }
}
