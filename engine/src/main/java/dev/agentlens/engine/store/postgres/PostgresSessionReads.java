package dev.agentlens.engine.store.postgres;

import dev.agentlens.engine.model.Page;
import dev.agentlens.engine.model.Session;
import dev.agentlens.engine.model.SessionQuery;
import dev.agentlens.engine.model.SessionStatus;
import dev.agentlens.engine.store.SessionReads;
import dev.agentlens.engine.store.StoreSettings;
import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Session lists and single sessions with idle derived at read time (reference §3). */
final class PostgresSessionReads implements SessionReads {

  private static final String SELECT_SESSIONS =
      "SELECT " + PostgresRows.SESSION_COLUMNS + " FROM sessions";

  private final PostgresDatabase db;
  private final StoreSettings settings;

  PostgresSessionReads(PostgresDatabase db, StoreSettings settings) {
    this.db = db;
    this.settings = settings;
  }

  @Override
  public Future<Page<Session>> query(SessionQuery q) {
    String cutoff = PostgresRows.idleCutoff(settings);
    PostgresWhere where = where(q, cutoff);
    String sql =
        SELECT_SESSIONS + where.clause() + " ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?";
    where.bindLater((long) q.limit()).bindLater((long) q.offset());
    return db.query(PostgresWhere.sql(sql), where.tuple())
        .compose(
            rows -> {
              List<Session> items = PostgresRows.map(rows, r -> PostgresRows.session(r, cutoff));
              // A short, non-empty page already tells the total; only count when it cannot.
              boolean knownTotal = items.isEmpty() ? q.offset() == 0 : items.size() < q.limit();
              return knownTotal
                  ? Future.succeededFuture(Page.of(items, q.offset() + items.size(), q.offset()))
                  : count(q, cutoff).map(t -> Page.of(items, t, q.offset()));
            });
  }

  @Override
  public Future<Long> count(SessionQuery q) {
    return count(q, PostgresRows.idleCutoff(settings));
  }

  private Future<Long> count(SessionQuery q, String cutoff) {
    PostgresWhere where = where(q, cutoff);
    return db.query(
            PostgresWhere.sql("SELECT count(*) FROM sessions" + where.clause()), where.tuple())
        .map(PostgresRows::scalarLong);
  }

  @Override
  public Future<Optional<Session>> get(String tenantId, String id) {
    String cutoff = PostgresRows.idleCutoff(settings);
    return db.query(SELECT_SESSIONS + " WHERE tenant_id = $1 AND id = $2", Tuple.of(tenantId, id))
        .map(
            rows ->
                PostgresRows.map(rows, r -> PostgresRows.session(r, cutoff)).stream().findFirst());
  }

  private static PostgresWhere where(SessionQuery q, String cutoff) {
    PostgresWhere where =
        new PostgresWhere()
            .and("tenant_id = ?", q.tenantId())
            .andIfPresent("agent_id = ?", q.agentId())
            .andIfPresent("started_at >= ?", q.from())
            .andIfPresent("started_at <= ?", q.to());
    if (!q.statuses().isEmpty()) {
      statuses(where, q.statuses(), cutoff);
    }
    if (!q.tags().isEmpty()) {
      where.and(
          "EXISTS (SELECT 1 FROM json_array_elements_text(tags::json) AS t(v)"
              + " WHERE t.v = ANY(?))",
          (Object) q.tags().toArray(String[]::new));
    }
    return where;
  }

  /**
   * OR of the per-status predicates; idle and active split stored active at the cutoff. Unknown
   * names match nothing, so a list of only unknown names matches no session at all.
   */
  private static void statuses(PostgresWhere where, List<String> names, String cutoff) {
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
      where.and("FALSE");
    } else {
      where.and("(" + String.join(" OR ", terms) + ")", values.toArray());
    }
  }
}
