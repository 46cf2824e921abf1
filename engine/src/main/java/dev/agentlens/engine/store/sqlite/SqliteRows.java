package dev.agentlens.engine.store.sqlite;

import dev.agentlens.engine.model.Agent;
import dev.agentlens.engine.model.ChainAnchor;
import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.EventType;
import dev.agentlens.engine.model.Session;
import dev.agentlens.engine.model.SessionStatus;
import dev.agentlens.engine.model.Severity;
import dev.agentlens.engine.model.Timestamps;
import dev.agentlens.engine.store.StoreSettings;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/** Row → record mappers shared by the read classes; each matches its column list constant. */
final class SqliteRows {
  private SqliteRows() {}

  /**
   * The 11 wire columns plus {@code seq}, in {@link #event} order, then {@code ts_ms}: not mapped,
   * but a UNION ALL can only be ordered by a column it selects.
   */
  static final String EVENT_COLUMNS =
      "id, timestamp, session_id, agent_id, event_type, severity, payload, metadata, prev_hash,"
          + " hash, tenant_id, seq, ts_ms";

  static final String SESSION_COLUMNS =
      "id, agent_id, agent_name, started_at, ended_at, status, event_count, tool_call_count,"
          + " error_count, total_cost_usd, llm_call_count, total_input_tokens,"
          + " total_output_tokens, tags, tenant_id, last_event_at";

  /**
   * Agent columns of alias {@code a} followed by the true session count, in {@link #agent} order.
   */
  static final String AGENT_COLUMNS =
      "a.id, a.name, a.first_seen_at, a.last_seen_at,"
          + " (SELECT count(*) FROM sessions s WHERE s.tenant_id = a.tenant_id"
          + " AND s.agent_id = a.id),"
          + " a.tenant_id, a.description, a.model_override, a.paused_at, a.pause_reason";

  static final String ANCHOR_COLUMNS =
      "tenant_id, session_id, first_prev_hash, last_hash, last_seq, event_count, segment_digest,"
          + " ts_min, ts_max, created_at";

  /**
   * The canonical timestamp of a one-row query selecting a {@code ts_ms} (such as {@code
   * min(ts_ms)}), or null when it found no row or a null.
   */
  static String time(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return null;
      }
      long ms = rs.getLong(1);
      return rs.wasNull() ? null : Timestamps.format(Instant.ofEpochMilli(ms));
    }
  }

  static Event event(ResultSet rs) throws SQLException {
    String type = rs.getString(5);
    EventType eventType = EventType.fromWire(type);
    Severity severity = Severity.fromWire(rs.getString(6));
    if (eventType == null || severity == null) {
      throw new IllegalStateException("stored event has an unknown type or severity");
    }
    return new Event(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        eventType,
        severity,
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11),
        rs.getLong(12));
  }

  /**
   * A session with idle derived: stored active but silent since before {@code idleCutoff}
   * (reference §3.1). Terminal statuses are never changed.
   */
  static Session session(ResultSet rs, String idleCutoff) throws SQLException {
    String lastEventAt = rs.getString(16);
    return new Session(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        status(rs.getString(6), lastEventAt, idleCutoff),
        rs.getLong(7),
        rs.getLong(8),
        rs.getLong(9),
        rs.getDouble(10),
        rs.getLong(11),
        rs.getLong(12),
        rs.getLong(13),
        SqliteJson.stringList(rs.getString(14)),
        rs.getString(15),
        lastEventAt);
  }

  static Agent agent(ResultSet rs) throws SQLException {
    return new Agent(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getLong(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10));
  }

  static ChainAnchor anchor(ResultSet rs) throws SQLException {
    return new ChainAnchor(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getLong(5),
        rs.getLong(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        rs.getString(10));
  }

  /** Sessions whose last event is before this canonical instant are idle. */
  static String idleCutoff(StoreSettings settings) {
    return Timestamps.format(
        settings.clock().instant().minus(Duration.ofMinutes(settings.idleMinutes())));
  }

  /** Runs a query whose first column of its one row is a count (0 when there is no row). */
  static long scalarLong(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0L;
    }
  }

  private static SessionStatus status(String stored, String lastEventAt, String idleCutoff) {
    SessionStatus status = SessionStatus.fromWire(stored);
    if (status == null || status == SessionStatus.IDLE) {
      throw new IllegalStateException("stored session has an unknown status");
    }
    if (status == SessionStatus.ACTIVE && lastEventAt.compareTo(idleCutoff) < 0) {
      return SessionStatus.IDLE;
    }
    return status;
  }
}
