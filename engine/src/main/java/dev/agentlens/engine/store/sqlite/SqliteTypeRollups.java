package dev.agentlens.engine.store.sqlite;

import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.EventQuery;
import dev.agentlens.engine.store.HourlyRollup;
import dev.agentlens.engine.store.PlannedEvent;
import dev.agentlens.engine.store.RollupWindow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hourly event counts per (agent, event type) in {@code event_type_rollups}: an event count
 * filtered by agent, types and a window reads the window's whole hours here, so only its partial
 * edge hours walk the agent index. Kept exact by the drain writer and by retention.
 */
final class SqliteTypeRollups {
  private SqliteTypeRollups() {}

  private static final String UPSERT =
      "INSERT INTO event_type_rollups (tenant_id, hour, agent_id, event_type, events)"
          + " VALUES (?,?,?,?,?) ON CONFLICT (tenant_id, agent_id, hour, event_type)"
          + " DO UPDATE SET events = events + excluded.events";

  /** A retention cut's share (tenant, session, last seq), taken out before its events go. */
  static final String SUBTRACT =
      "UPDATE event_type_rollups AS r SET events = r.events - d.n"
          + " FROM (SELECT tenant_id, substr(timestamp, 1, 13) AS hr, agent_id, event_type,"
          + " count(*) AS n FROM events WHERE tenant_id = ? AND session_id = ? AND seq <= ?"
          + " GROUP BY hr, agent_id, event_type) AS d"
          + " WHERE r.tenant_id = d.tenant_id AND r.hour = d.hr AND r.agent_id = d.agent_id"
          + " AND r.event_type = d.event_type";

  /** The rows a retention cut emptied: its agents' rows in its hours; before its events go. */
  static final String DROP_EMPTY =
      "DELETE FROM event_type_rollups WHERE tenant_id = ? AND hour >= ? AND hour <= ?"
          + " AND events = 0 AND agent_id IN (SELECT DISTINCT agent_id FROM events"
          + " WHERE tenant_id = ? AND session_id = ? AND seq <= ?)";

  private record Key(String tenantId, String hour, String agentId, String eventType) {}

  /** Adds the events a drain transaction inserts (duplicates excluded). */
  static void add(Connection c, List<PlannedEvent> inserted) throws SQLException {
    Map<Key, long[]> counts = new LinkedHashMap<>();
    for (PlannedEvent p : inserted) {
      Event e = p.event();
      Key k =
          new Key(
              e.tenantId(), HourlyRollup.hourOf(e.timestamp()), e.agentId(), e.eventType().wire());
      counts.computeIfAbsent(k, x -> new long[1])[0]++;
    }
    try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
      for (Map.Entry<Key, long[]> g : counts.entrySet()) {
        Key k = g.getKey();
        ps.setString(1, k.tenantId());
        ps.setString(2, k.hour());
        ps.setString(3, k.agentId());
        ps.setString(4, k.eventType());
        ps.setLong(5, g.getValue()[0]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * The whole hours of {@code q}'s window when the counts can answer them: an agent, and no filter
   * but the types and a canonical window holding at least one whole hour; else null. Without an
   * agent the type and time indexes count as fast as summing every agent's rows would.
   */
  static RollupWindow wholeHours(EventQuery q) {
    if (q.agentId() == null
        || q.sessionId() != null
        || !q.severities().isEmpty()
        || q.search() != null
        || q.excludeMetrics()
        || q.from() == null
        || q.to() == null
        || !RollupWindow.applies(q.from(), q.to())) {
      return null;
    }
    RollupWindow w = RollupWindow.of(q.from(), q.to());
    return w.hasWholeHours() ? w : null;
  }

  /** Events of {@code w}'s whole hours of {@code q}'s agent with one of {@code types} (any). */
  static long count(Connection c, EventQuery q, List<String> types, RollupWindow w)
      throws SQLException {
    SqliteWhere where =
        new SqliteWhere()
            .and("tenant_id = ?", q.tenantId())
            .and("agent_id = ?", q.agentId())
            .and("hour >= ?", w.firstHour())
            .and("hour <= ?", w.lastHour())
            .andIn("event_type", types);
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT coalesce(sum(events), 0) FROM event_type_rollups" + where.sql())) {
      where.bind(ps);
      return SqliteRows.scalarLong(ps);
    }
  }
}
