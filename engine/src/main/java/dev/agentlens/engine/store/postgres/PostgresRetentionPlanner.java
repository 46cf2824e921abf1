package dev.agentlens.engine.store.postgres;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds what one retention chunk deletes (SPEC §7), reading only, in the chunk's transaction. A
 * chain is only ever cut at its start: per session, the expired prefix is the run of events in seq
 * order, from the first one left, whose timestamps are all older than the cutoff; it stops at the
 * first event that is not (timestamps may be backdated, seq is arrival order). Sessions started
 * before the cutoff are visited in (tenant, started_at, id) order from a cursor: a session's first
 * event is its start, so a younger session has nothing to cut. A prefix longer than the chunk's
 * budget is cut in several chunks.
 */
final class PostgresRetentionPlanner {

  /** A position in the (tenant, started_at, id) order of sessions, for one cutoff. */
  record Cursor(String cutoff, String tenantId, String startedAt, String sessionId) {
    static Cursor start(String cutoff) {
      return new Cursor(cutoff, "", "", "");
    }
  }

  /** One prefix to anchor and delete: events {@code lastSeq - hashes.size() + 1 .. lastSeq}. */
  record Cut(
      String tenantId,
      String sessionId,
      String firstPrevHash,
      String lastHash,
      long lastSeq,
      List<String> hashes,
      String tsMin,
      String tsMax) {}

  /** The cuts of a chunk; {@code done} when no expired prefix is left after them. */
  record Plan(List<Cut> cuts, long eventCount, Cursor next, boolean done) {}

  private static final long SESSION_PAGE = 256;

  private static final String OLD_SESSIONS =
      "SELECT tenant_id, id, started_at FROM sessions WHERE started_at < $1"
          + " AND (tenant_id, started_at, id) > ($2, $3, $4)"
          + " ORDER BY tenant_id, started_at, id LIMIT $5";

  private static final String HEAD =
      "SELECT seq, timestamp, prev_hash, hash FROM events WHERE tenant_id = $1"
          + " AND session_id = $2 ORDER BY seq LIMIT $3";

  private final SqlConnection c;
  private final String cutoff;
  private final List<Cut> cuts = new ArrayList<>();
  private int budget;
  private long events;
  private Cursor position;

  private PostgresRetentionPlanner(SqlConnection c, Cursor from, int maxEvents) {
    this.c = c;
    this.cutoff = from.cutoff();
    this.position = from;
    this.budget = maxEvents;
  }

  static Future<Plan> plan(SqlConnection c, Cursor from, int maxEvents) {
    PostgresRetentionPlanner p = new PostgresRetentionPlanner(c, from, maxEvents);
    return p.scan().map(done -> new Plan(List.copyOf(p.cuts), p.events, p.position, done));
  }

  /** True when every old session after the cursor was examined completely. */
  private Future<Boolean> scan() {
    return c.preparedQuery(OLD_SESSIONS)
        .execute(
            Tuple.of(
                cutoff,
                position.tenantId(),
                position.startedAt(),
                position.sessionId(),
                SESSION_PAGE))
        .compose(
            rows -> {
              List<Cursor> page = PostgresRows.map(rows, this::cursor);
              return visitAll(page, 0)
                  .compose(
                      finished -> {
                        if (!finished) {
                          return Future.succeededFuture(false);
                        }
                        return page.size() < SESSION_PAGE ? Future.succeededFuture(true) : scan();
                      });
            });
  }

  private Cursor cursor(Row r) {
    return new Cursor(cutoff, r.getString(0), r.getString(2), r.getString(1));
  }

  /** Visits the page from {@code i}; false when the budget ran out before its end. */
  private Future<Boolean> visitAll(List<Cursor> page, int i) {
    if (i == page.size()) {
      return Future.succeededFuture(true);
    }
    Cursor session = page.get(i);
    return visit(session)
        .compose(
            complete -> {
              if (!complete) {
                return Future.succeededFuture(false);
              }
              position = session;
              return budget == 0 ? Future.succeededFuture(false) : visitAll(page, i + 1);
            });
  }

  /**
   * Cuts the session's expired prefix within the budget; false when the budget ended inside it (the
   * session must be visited again).
   */
  private Future<Boolean> visit(Cursor session) {
    return c.preparedQuery(HEAD)
        .execute(Tuple.of(session.tenantId(), session.sessionId(), (long) budget + 1))
        .map(
            rows -> {
              List<Row> expired = new ArrayList<>();
              for (Row r : rows) {
                if (r.getString(1).compareTo(cutoff) >= 0) {
                  break;
                }
                expired.add(r);
              }
              boolean complete = expired.size() <= budget;
              List<Row> kept = complete ? expired : expired.subList(0, budget);
              if (!kept.isEmpty()) {
                add(cut(session.tenantId(), session.sessionId(), kept));
              }
              return complete;
            });
  }

  private static Cut cut(String tenant, String session, List<Row> rows) {
    List<String> hashes = new ArrayList<>(rows.size());
    String tsMin = rows.get(0).getString(1);
    String tsMax = tsMin;
    for (Row r : rows) {
      hashes.add(r.getString(3));
      String ts = r.getString(1);
      tsMin = ts.compareTo(tsMin) < 0 ? ts : tsMin;
      tsMax = ts.compareTo(tsMax) > 0 ? ts : tsMax;
    }
    Row last = rows.get(rows.size() - 1);
    return new Cut(
        tenant,
        session,
        rows.get(0).getString(2),
        last.getString(3),
        last.getLong(0),
        hashes,
        tsMin,
        tsMax);
  }

  private void add(Cut cut) {
    cuts.add(cut);
    budget -= cut.hashes().size();
    events += cut.hashes().size();
  }
}
