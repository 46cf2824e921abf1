package dev.agentlens.engine.store.sqlite;

import dev.agentlens.engine.model.AnalyticsQuery;
import dev.agentlens.engine.model.Timestamps;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE clause over one tenant's events in an inclusive window of canonical timestamps, built up
 * with its bind values in order so that the SQL text never holds a caller's value.
 */
final class SqliteAnalyticsFilter {
  private final StringBuilder sql = new StringBuilder();
  private final List<Object> args = new ArrayList<>();

  private SqliteAnalyticsFilter() {}

  /** Starts with {@code clause}, binding {@code values} to its placeholders in order. */
  static SqliteAnalyticsFilter where(String clause, Object... values) {
    return new SqliteAnalyticsFilter().and(clause, values);
  }

  /** {@code tenant_id = ? AND ts_ms BETWEEN from AND to} on the events table. */
  static SqliteAnalyticsFilter events(String tenantId, String from, String to) {
    return where(
        "tenant_id = ? AND ts_ms >= ? AND ts_ms <= ?",
        tenantId,
        Timestamps.epochMillis(from),
        Timestamps.epochMillis(to));
  }

  /** The events of an analytics query: window, optional agent, OTLP metrics kept or not. */
  static SqliteAnalyticsFilter events(AnalyticsQuery q) {
    return events(q, q.from(), q.to());
  }

  /** The events of an analytics query in the inclusive part {@code from..to} of its window. */
  static SqliteAnalyticsFilter events(AnalyticsQuery q, String from, String to) {
    return filters(q, events(q.tenantId(), from, to));
  }

  /** The {@code event_rollups} rows of an analytics query's whole hours {@code first..last}. */
  static SqliteAnalyticsFilter rollups(AnalyticsQuery q, String firstHour, String lastHour) {
    return filters(
        q, where("tenant_id = ? AND hour >= ? AND hour <= ?", q.tenantId(), firstHour, lastHour));
  }

  /** The agent and metrics filters both tables share. */
  private static SqliteAnalyticsFilter filters(AnalyticsQuery q, SqliteAnalyticsFilter base) {
    SqliteAnalyticsFilter f = base.andIfPresent("agent_id = ?", q.agentId());
    return q.excludeMetrics() ? f.and("is_metric = 0") : f;
  }

  /** Appends {@code AND clause}, binding {@code values} to its placeholders in order. */
  SqliteAnalyticsFilter and(String clause, Object... values) {
    sql.append(sql.length() == 0 ? "" : " AND ").append(clause);
    args.addAll(List.of(values));
    return this;
  }

  /** Appends {@code AND clause} (one placeholder) only when {@code value} is not null. */
  SqliteAnalyticsFilter andIfPresent(String clause, String value) {
    return value == null ? this : and(clause, value);
  }

  String sql() {
    return sql.toString();
  }

  /** Binds the values from parameter index {@code first}; returns the next free index. */
  int bind(PreparedStatement ps, int first) throws SQLException {
    int i = first;
    for (Object a : args) {
      ps.setObject(i++, a);
    }
    return i;
  }
}
