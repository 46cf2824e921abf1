package dev.agentlens.engine.store.sqlite;

import dev.agentlens.engine.model.Granularity;

/**
 * Analytics bucket labels computed in SQL from canonical timestamps (which are always {@code
 * YYYY-MM-DDTHH:mm:ss.SSSZ}, so a prefix is a truncation). Week buckets are ISO weeks labelled
 * {@code IYYY-Www} (SPEC §4 fix); {@code %G}/{@code %V} need SQLite 3.46+.
 */
final class SqliteBuckets {
  private SqliteBuckets() {}

  /** The SQL expression labelling {@code column}'s bucket; labels sort in time order. */
  static String label(Granularity granularity, String column) {
    return switch (granularity) {
      case HOUR -> "(substr(" + column + ", 1, 13) || ':00:00Z')";
      case DAY -> "(substr(" + column + ", 1, 10) || 'T00:00:00Z')";
      case WEEK -> "strftime('%G-W%V', substr(" + column + ", 1, 10))";
    };
  }
}
