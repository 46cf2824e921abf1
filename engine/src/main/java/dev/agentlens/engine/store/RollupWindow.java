package dev.agentlens.engine.store;

import dev.agentlens.engine.model.Timestamps;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * An inclusive window of canonical timestamps split into the whole hours that {@code event_rollups}
 * answers and the partial hours at either edge that only the events can answer.
 *
 * @param firstHour first whole hour ({@code YYYY-MM-DDTHH}), or null when none is whole
 * @param lastHour last whole hour, or null when none is whole
 * @param before raw events before the whole hours (or the whole window), or null
 * @param after raw events after the whole hours, or null
 */
public record RollupWindow(String firstHour, String lastHour, Range before, Range after) {

  /** An inclusive range of canonical timestamps. */
  public record Range(String from, String to) {}

  private static final Pattern CANONICAL =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
  private static final String HOUR_START = ":00:00.000Z";
  private static final String HOUR_END = ":59:59.999Z";

  /** True when the rollups can answer part of the window: both ends canonical, from <= to. */
  public static boolean applies(String from, String to) {
    return CANONICAL.matcher(from).matches()
        && CANONICAL.matcher(to).matches()
        && from.compareTo(to) <= 0;
  }

  /** Splits a window for which {@link #applies} holds. */
  public static RollupWindow of(String from, String to) {
    String first = from.endsWith(HOUR_START) ? hour(from) : shift(hour(from), 1);
    String last = to.endsWith(HOUR_END) ? hour(to) : shift(hour(to), -1);
    if (first == null || last == null || first.compareTo(last) > 0) {
      return new RollupWindow(null, null, new Range(from, to), null);
    }
    Range before = first.equals(hour(from)) ? null : new Range(from, hour(from) + HOUR_END);
    Range after = last.equals(hour(to)) ? null : new Range(hour(to) + HOUR_START, to);
    return new RollupWindow(first, last, before, after);
  }

  /** True when some whole hour of the window can be read from the rollups. */
  public boolean hasWholeHours() {
    return firstHour != null;
  }

  private static String hour(String timestamp) {
    return HourlyRollup.hourOf(timestamp);
  }

  /** The hour {@code hours} away, or null outside years 0000-9999. */
  private static String shift(String hour, int hours) {
    try {
      Instant at = Instant.parse(hour + HOUR_START).plus(Duration.ofHours(hours));
      return hour(Timestamps.format(at));
    } catch (DateTimeException | IllegalArgumentException e) {
      return null;
    }
  }
}
