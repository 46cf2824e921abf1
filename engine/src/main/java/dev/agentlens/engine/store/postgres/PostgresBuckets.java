package dev.agentlens.engine.store.postgres;

import dev.agentlens.engine.model.AnalyticsQuery;
import dev.agentlens.engine.model.Granularity;

/**
 * Analytics bucket labels computed in SQL from canonical timestamps (always {@code
 * YYYY-MM-DDTHH:mm:ss.SSSZ}, so a prefix is a truncation), and the window filter the analytics
 * statements share (over events, and over the hourly rollups). Week buckets are ISO weeks labelled
 * {@code IYYY-Www} (SPEC §4), as on SQLite.
 */
final class PostgresBuckets {
  private PostgresBuckets() {}

  /** The SQL expression labelling {@code column}'s bucket; labels sort in time order. */
  static String label(Granularity granularity, String column) {
    return switch (granularity) {
      case HOUR -> "(substr(" + column + ", 1, 13) || ':00:00Z')";
      case DAY -> "(substr(" + column + ", 1, 10) || 'T00:00:00Z')";
      case WEEK -> "to_char(substr(" + column + ", 1, 10)::date, 'IYYY-\"W\"IW')";
    };
  }

  /** One tenant's events in an inclusive window of canonical timestamps. */
  static PostgresWhere window(String tenantId, String from, String to) {
    return new PostgresWhere()
        .and("tenant_id = ?", tenantId)
        .and("timestamp >= ?", from)
        .and("timestamp <= ?", to);
  }

  /** The events of an analytics query: window, optional agent, OTLP metrics kept or not. */
  static PostgresWhere events(AnalyticsQuery q) {
    return events(q, q.from(), q.to());
  }

  /** The events of an analytics query in the inclusive part {@code from..to} of its window. */
  static PostgresWhere events(AnalyticsQuery q, String from, String to) {
    return filters(q, window(q.tenantId(), from, to));
  }

  /** The {@code event_rollups} rows of an analytics query's whole hours {@code first..last}. */
  static PostgresWhere rollups(AnalyticsQuery q, String firstHour, String lastHour) {
    return filters(
        q,
        new PostgresWhere()
            .and("tenant_id = ?", q.tenantId())
            .and("hour >= ?", firstHour)
            .and("hour <= ?", lastHour));
  }

  private static PostgresWhere filters(AnalyticsQuery q, PostgresWhere w) {
    w.andIfPresent("agent_id = ?", q.agentId());
    return q.excludeMetrics() ? w.and("NOT is_metric") : w;
  }
}
