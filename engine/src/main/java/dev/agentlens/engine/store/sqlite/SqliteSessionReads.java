package dev.agentlens.engine.store.sqlite;

import dev.agentlens.engine.model.Page;
import dev.agentlens.engine.model.Session;
import dev.agentlens.engine.model.SessionQuery;
import dev.agentlens.engine.model.SessionStatus;
import dev.agentlens.engine.store.SessionReads;
import dev.agentlens.engine.store.StoreSettings;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Session lists and single sessions with idle derived at read time (reference §3). */
final class SqliteSessionReads implements SessionReads {

  private static final String SELECT_SESSIONS =
      "SELECT " + SqliteRows.SESSION_COLUMNS + " FROM sessions";

  private final SqliteDatabase db;
  private final StoreSettings settings;

  SqliteSessionReads(SqliteDatabase db, StoreSettings settings) {
    this.db = db;
    this.settings = settings;
  }

  @Override
  public Future<Page<Session>> query(SessionQuery q) {
    return db.read(
        c -> {
          String cutoff = SqliteRows.idleCutoff(settings);
          SqliteWhere where = where(q, cutoff);
          List<Session> items = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  SELECT_SESSIONS
                      + where.sql()
                      + " ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?")) {
            int next = where.bind(ps);
            ps.setInt(next, q.limit());
            ps.setInt(next + 1, q.offset());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                items.add(SqliteRows.session(rs, cutoff));
              }
            }
          }
          // A short, non-empty page already tells the total; only count when it cannot.
          boolean knownTotal = items.isEmpty() ? q.offset() == 0 : items.size() < q.limit();
          long total = knownTotal ? q.offset() + items.size() : count(c, where);
          return Page.of(items, total, q.offset());
        });
  }

  @Override
  public Future<Long> count(SessionQuery q) {
    return db.read(c -> count(c, where(q, SqliteRows.idleCutoff(settings))));
  }

  @Override
  public Future<Optional<Session>> get(String tenantId, String id) {
    return db.read(
        c -> {
          String cutoff = SqliteRows.idleCutoff(settings);
          try (PreparedStatement ps =
              c.prepareStatement(SELECT_SESSIONS + " WHERE tenant_id = ? AND id = ?")) {
            ps.setString(1, tenantId);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(SqliteRows.session(rs, cutoff)) : Optional.empty();
            }
          }
        });
  }

  private static SqliteWhere where(SessionQuery q, String cutoff) {
    SqliteWhere where =
        new SqliteWhere()
            .and("tenant_id = ?", q.tenantId())
            .andIfPresent("agent_id = ?", q.agentId())
            .andIfPresent("started_at >= ?", q.from())
            .andIfPresent("started_at <= ?", q.to());
    if (!q.statuses().isEmpty()) {
      statuses(where, q.statuses(), cutoff);
    }
    if (!q.tags().isEmpty()) {
      where.and(
          "EXISTS (SELECT 1 FROM json_each(sessions.tags) WHERE value IN ("
              + SqliteWhere.placeholders(q.tags().size())
              + "))",
          q.tags().toArray());
    }
    return where;
  }

  /**
   * OR of the per-status predicates; idle and active split stored active at the cutoff. Unknown
   * names match nothing, so a list of only unknown names matches no session at all.
   */
  private static void statuses(SqliteWhere where, List<String> names, String cutoff) {
    List<String> terms = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (String name : names) {
      SessionStatus s = SessionStatus.fromWire(name);
      if (s == SessionStatus.ACTIVE || s == SessionStatus.IDLE) {
        String cmp = s == SessionStatus.ACTIVE ? ">=" : "<";
        terms.add("(status = 'active' AND last_event_at " + cmp + " ?)");
        values.add(cutoff);
      } else if (s != null) {
        terms.add("status = ?");
        values.add(s.wire());
      }
    }
    if (terms.isEmpty()) {
      where.and("0");
    } else {
      where.and("(" + String.join(" OR ", terms) + ")", values.toArray());
    }
  }

  private static long count(Connection c, SqliteWhere where) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM sessions" + where.sql())) {
      where.bind(ps);
      return SqliteRows.scalarLong(ps);
    }
  }
}
