package dev.agentlens.engine.store.postgres;

import dev.agentlens.engine.json.CanonicalJson;
import dev.agentlens.engine.model.Agent;
import dev.agentlens.engine.model.ChainAnchor;
import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.EventType;
import dev.agentlens.engine.model.Session;
import dev.agentlens.engine.model.SessionStatus;
import dev.agentlens.engine.model.Severity;
import dev.agentlens.engine.model.Timestamps;
import dev.agentlens.engine.store.StoreSettings;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Row → record mappers shared by the role classes; each matches its column list constant. */
final class PostgresRows {
  private PostgresRows() {}

  /** The 11 wire columns plus {@code seq}, in {@link #event} order. */
  static final String EVENT_COLUMNS =
      "id, timestamp, session_id, agent_id, event_type, severity, payload, metadata, prev_hash,"
          + " hash, tenant_id, seq";

  static final String SESSION_COLUMNS =
      "id, agent_id, agent_name, started_at, ended_at, status, event_count, tool_call_count,"
          + " error_count, total_cost_usd, llm_call_count, total_input_tokens,"
          + " total_output_tokens, tags, tenant_id, last_event_at";

  /** Agent columns of alias {@code a} and the true session count, in {@link #agent} order. */
  static final String AGENT_COLUMNS =
      "a.id, a.name, a.first_seen_at, a.last_seen_at,"
          + " (SELECT count(*) FROM sessions s WHERE s.tenant_id = a.tenant_id"
          + " AND s.agent_id = a.id),"
          + " a.tenant_id, a.description, a.model_override, a.paused_at, a.pause_reason";

  static final String ANCHOR_COLUMNS =
      "tenant_id, session_id, first_prev_hash, last_hash, last_seq, event_count, segment_digest,"
          + " ts_min, ts_max, created_at";

  static Event event(Row r) {
    EventType eventType = EventType.fromWire(r.getString(4));
    Severity severity = Severity.fromWire(r.getString(5));
    if (eventType == null || severity == null) {
      throw new IllegalStateException("stored event has an unknown type or severity");
    }
    return new Event(
        r.getString(0),
        r.getString(1),
        r.getString(2),
        r.getString(3),
        eventType,
        severity,
        r.getString(6),
        r.getString(7),
        r.getString(8),
        r.getString(9),
        r.getString(10),
        r.getLong(11));
  }

  /** A session with idle derived from {@code idleCutoff} (reference §3.1). */
  static Session session(Row r, String idleCutoff) {
    String lastEventAt = r.getString(15);
    return new Session(
        r.getString(0),
        r.getString(1),
        r.getString(2),
        r.getString(3),
        r.getString(4),
        status(r.getString(5), lastEventAt, idleCutoff),
        r.getLong(6),
        r.getLong(7),
        r.getLong(8),
        r.getDouble(9),
        r.getLong(10),
        r.getLong(11),
        r.getLong(12),
        stringList(r.getString(13)),
        r.getString(14),
        lastEventAt);
  }

  static Agent agent(Row r) {
    return new Agent(
        r.getString(0),
        r.getString(1),
        r.getString(2),
        r.getString(3),
        r.getLong(4),
        r.getString(5),
        r.getString(6),
        r.getString(7),
        r.getString(8),
        r.getString(9));
  }

  static ChainAnchor anchor(Row r) {
    return new ChainAnchor(
        r.getString(0),
        r.getString(1),
        r.getString(2),
        r.getString(3),
        r.getLong(4),
        r.getLong(5),
        r.getString(6),
        r.getString(7),
        r.getString(8),
        r.getString(9));
  }

  /** Sessions whose last event is before this canonical instant are idle. */
  static String idleCutoff(StoreSettings settings) {
    return Timestamps.format(
        settings.clock().instant().minus(Duration.ofMinutes(settings.idleMinutes())));
  }

  static <T> List<T> map(RowSet<Row> rows, Function<Row, T> mapper) {
    List<T> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(mapper.apply(r));
    }
    return out;
  }

  /** The first column of the first row as a long; 0 when there is no row or it is null. */
  static long scalarLong(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return 0L;
    }
    Long v = rows.iterator().next().getLong(0);
    return v == null ? 0L : v;
  }

  /** A nullable numeric column as a double, null as 0 (sums over no rows). */
  static double dbl(Row r, int i) {
    Double v = r.getDouble(i);
    return v == null ? 0.0 : v;
  }

  /** A nullable count/sum column as a long, null as 0. */
  static long lng(Row r, int i) {
    Long v = r.getLong(i);
    return v == null ? 0L : v;
  }

  /** A JSON array column of strings (tags, scopes, channels). */
  static List<String> stringList(String json) {
    if (json == null || json.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (CanonicalJson.parse(json) instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof String s) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /** A value as canonical JSON text (scopes, channels, alert scope). */
  static String json(Object value) {
    return CanonicalJson.write(value);
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
