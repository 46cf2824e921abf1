package dev.agentlens.engine.store.sqlite;

import dev.agentlens.engine.model.Granularity;
import dev.agentlens.engine.model.Timestamps;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The analytics bucket holding a canonical timestamp, computed in Java with exactly the labels of
 * {@link SqliteBuckets} (hour {@code YYYY-MM-DDTHH:00:00Z}, day {@code YYYY-MM-DDT00:00:00Z}, ISO
 * week {@code IYYY-Www}).
 *
 * @param label the bucket's label
 * @param last the bucket's last canonical millisecond (inclusive upper bound)
 * @param next the first canonical millisecond of the next bucket; null past year 9999
 */
record SqliteBucketRange(String label, String last, String next) {

  private static final Instant END = Instant.parse("9999-12-31T23:59:59.999Z");

  static SqliteBucketRange of(Granularity granularity, String timestamp) {
    return switch (granularity) {
      case HOUR ->
          range(
              timestamp.substring(0, 13) + ":00:00Z",
              Instant.parse(timestamp.substring(0, 13) + ":00:00Z"),
              Duration.ofHours(1));
      case DAY ->
          range(
              timestamp.substring(0, 10) + "T00:00:00Z",
              Instant.parse(timestamp.substring(0, 10) + "T00:00:00Z"),
              Duration.ofDays(1));
      case WEEK -> week(LocalDate.parse(timestamp.substring(0, 10)));
    };
  }

  private static SqliteBucketRange week(LocalDate day) {
    LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    String label =
        String.format(
            Locale.ROOT,
            "%04d-W%02d",
            monday.get(IsoFields.WEEK_BASED_YEAR),
            monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    return range(label, monday.atStartOfDay().toInstant(ZoneOffset.UTC), Duration.ofDays(7));
  }

  private static SqliteBucketRange range(String label, Instant start, Duration width) {
    Instant next = start.plus(width);
    if (next.isAfter(END)) {
      return new SqliteBucketRange(label, Timestamps.format(END), null);
    }
    return new SqliteBucketRange(
        label, Timestamps.format(next.minusMillis(1)), Timestamps.format(next));
  }
}
