package dev.agentlens.engine.store.postgres;

import dev.agentlens.engine.model.ChainAnchor;
import dev.agentlens.engine.model.ChainBreak;
import dev.agentlens.engine.model.ChainReport;
import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.EventQuery;
import dev.agentlens.engine.model.EventType;
import dev.agentlens.engine.model.Page;
import dev.agentlens.engine.model.SortOrder;
import dev.agentlens.engine.model.TimeWindow;
import dev.agentlens.engine.model.TimelineCursor;
import dev.agentlens.engine.model.TimelineHead;
import dev.agentlens.engine.store.ChainVerifier;
import dev.agentlens.engine.store.EventReads;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Event lists, single events, timelines and chain verification (reference §5, SPEC §3). */
final class PostgresEventReads implements EventReads {

  /** Sessions verified per snapshot, so a long audit never pins one snapshot for long. */
  private static final long VERIFY_PAGE = 64;

  /** Events of one session fed to the verifier per round trip. */
  private static final long CHAIN_PAGE = 2000;

  private static final String SELECT_EVENTS =
      "SELECT " + PostgresRows.EVENT_COLUMNS + " FROM events";

  private static final String SESSION_EXISTS =
      "SELECT 1 FROM sessions WHERE tenant_id = $1 AND id = $2";

  private static final String SESSION_LAST_SEQ =
      "SELECT last_seq FROM sessions WHERE tenant_id = $1 AND id = $2";

  private static final String FIRST_TIMELINE_PAGE =
      SELECT_EVENTS
          + " WHERE tenant_id = $1 AND session_id = $2 AND seq <= $3"
          + " ORDER BY timestamp, id LIMIT $4";

  // A row comparison: one range scan of idx_events_session_ts, wherever the page starts.
  private static final String NEXT_TIMELINE_PAGE =
      SELECT_EVENTS
          + " WHERE tenant_id = $1 AND session_id = $2 AND seq <= $3"
          + " AND (timestamp, id) > ($4, $5) ORDER BY timestamp, id LIMIT $6";

  private static final String CHAIN_PAGE_SQL =
      SELECT_EVENTS
          + " WHERE tenant_id = $1 AND session_id = $2 AND seq > $3 ORDER BY seq LIMIT $4";

  private static final String LATEST_ANCHOR =
      "SELECT "
          + PostgresRows.ANCHOR_COLUMNS
          + " FROM chain_anchors WHERE tenant_id = $1 AND session_id = $2"
          + " ORDER BY last_seq DESC LIMIT 1";

  private static final String SESSIONS_IN_WINDOW =
      "SELECT DISTINCT session_id FROM events WHERE tenant_id = $1 AND session_id > $2"
          + " AND timestamp >= $3 AND timestamp <= $4 ORDER BY session_id LIMIT $5";

  private final PostgresDatabase db;

  PostgresEventReads(PostgresDatabase db) {
    this.db = db;
  }

  @Override
  public Future<Page<Event>> query(EventQuery q) {
    PostgresWhere where = filters(q);
    if (where == null) {
      return Future.succeededFuture(Page.of(List.of(), 0, q.offset()));
    }
    String dir = q.order() == SortOrder.ASC ? "ASC" : "DESC";
    String sql =
        SELECT_EVENTS
            + where.clause()
            + " ORDER BY timestamp "
            + dir
            + ", id "
            + dir
            + " LIMIT ? OFFSET ?";
    where.bindLater((long) q.limit()).bindLater((long) q.offset());
    return db.query(PostgresWhere.sql(sql), where.tuple())
        .compose(
            rows -> {
              List<Event> items = PostgresRows.map(rows, PostgresRows::event);
              // A short, non-empty page already tells the total; only count when it cannot.
              boolean knownTotal = items.isEmpty() ? q.offset() == 0 : items.size() < q.limit();
              return knownTotal
                  ? Future.succeededFuture(Page.of(items, q.offset() + items.size(), q.offset()))
                  : count(q).map(total -> Page.of(items, total, q.offset()));
            });
  }

  @Override
  public Future<Long> count(EventQuery q) {
    PostgresWhere where = filters(q);
    if (where == null) {
      return Future.succeededFuture(0L);
    }
    return db.query(
            PostgresWhere.sql("SELECT count(*) FROM events" + where.clause()), where.tuple())
        .map(PostgresRows::scalarLong);
  }

  /**
   * Every filter of the query; null when it can match nothing (only unknown event types, which
   * match nothing per reference §5).
   */
  private static PostgresWhere filters(EventQuery q) {
    PostgresWhere where =
        new PostgresWhere()
            .and("tenant_id = ?", q.tenantId())
            .andIfPresent("session_id = ?", q.sessionId())
            .andIfPresent("agent_id = ?", q.agentId())
            .andIn("severity", q.severities())
            .andIfPresent("timestamp >= ?", q.from())
            .andIfPresent("timestamp <= ?", q.to())
            .andContains("payload", q.search());
    if (!q.eventTypes().isEmpty()) {
      List<String> known =
          q.eventTypes().stream().distinct().filter(t -> EventType.fromWire(t) != null).toList();
      if (known.isEmpty()) {
        return null;
      }
      where.andIn("event_type", known);
    }
    return q.excludeMetrics() ? where.and("NOT is_metric") : where;
  }

  @Override
  public Future<Optional<Event>> get(String tenantId, String id) {
    return db.query(SELECT_EVENTS + " WHERE tenant_id = $1 AND id = $2", Tuple.of(tenantId, id))
        .map(rows -> PostgresRows.map(rows, PostgresRows::event).stream().findFirst());
  }

  @Override
  public Future<Optional<TimelineHead>> timelineHead(
      String tenantId, String sessionId, int pageSize) {
    Tuple key = Tuple.of(tenantId, sessionId);
    return db.snapshot(
        c ->
            c.preparedQuery(SESSION_LAST_SEQ)
                .execute(key)
                .compose(
                    rows -> {
                      if (rows.size() == 0) {
                        return Future.succeededFuture(Optional.<TimelineHead>empty());
                      }
                      long lastSeq = rows.iterator().next().getLong(0);
                      // One snapshot: the chain verified is exactly the events up to lastSeq.
                      return c.preparedQuery(FIRST_TIMELINE_PAGE)
                          // One row past the page tells whether it is the whole session.
                          .execute(Tuple.of(tenantId, sessionId, lastSeq, pageSize + 1))
                          .compose(page -> verdict(c, tenantId, sessionId, page, pageSize))
                          .map(
                              h ->
                                  Optional.of(
                                      new TimelineHead(
                                          lastSeq,
                                          h.verdict().valid(),
                                          h.verdict().chained(),
                                          h.first(),
                                          h.more())));
                    }));
  }

  private record FirstPage(List<Event> first, boolean more, ChainVerifier.Verdict verdict) {}

  /** The first page; a session longer than it streams its chain through the verifier. */
  private Future<FirstPage> verdict(
      SqlConnection c, String tenantId, String sessionId, RowSet<Row> rows, int pageSize) {
    if (rows.size() > pageSize) {
      return chainVerifier(c, tenantId, sessionId)
          .compose(
              verifier ->
                  db.blocking(
                      () -> {
                        List<Event> read = PostgresRows.map(rows, PostgresRows::event);
                        return new FirstPage(read.subList(0, pageSize), true, verifier.verdict());
                      }));
    }
    return latestAnchor(c, Tuple.of(tenantId, sessionId))
        .compose(
            anchor ->
                db.blocking(
                    () -> {
                      List<Event> read = PostgresRows.map(rows, PostgresRows::event);
                      return new FirstPage(read, false, ChainVerifier.verify(read, anchor));
                    }));
  }

  @Override
  public Future<List<Event>> timelinePage(
      String tenantId, String sessionId, long maxSeq, TimelineCursor after, int limit) {
    Future<RowSet<Row>> rows =
        after == null
            ? db.query(FIRST_TIMELINE_PAGE, Tuple.of(tenantId, sessionId, maxSeq, limit))
            : db.query(
                NEXT_TIMELINE_PAGE,
                Tuple.of(tenantId, sessionId, maxSeq, after.timestamp(), after.id(), limit));
    return rows.map(r -> PostgresRows.map(r, PostgresRows::event));
  }

  @Override
  public Future<ChainReport> verifySession(String tenantId, String sessionId) {
    return db.snapshot(
        c ->
            verifyChain(c, tenantId, sessionId)
                .compose(
                    report ->
                        report.totalEvents() > 0
                            ? Future.succeededFuture(report)
                            : c.preparedQuery(SESSION_EXISTS)
                                .execute(Tuple.of(tenantId, sessionId))
                                .map(
                                    rows ->
                                        rows.size() > 0
                                            ? report
                                            : new ChainReport(0, 0, List.of()))));
  }

  @Override
  public Future<ChainReport> verifyWindow(String tenantId, TimeWindow window) {
    return verifyFrom(tenantId, window, "", new ChainReport(0, 0, List.of()));
  }

  /** Verifies the next page of sessions after {@code afterSessionId}, then the rest. */
  private Future<ChainReport> verifyFrom(
      String tenantId, TimeWindow window, String afterSessionId, ChainReport soFar) {
    return db.snapshot(
            c ->
                c.preparedQuery(SESSIONS_IN_WINDOW)
                    .execute(
                        Tuple.of(tenantId, afterSessionId, window.from(), window.to(), VERIFY_PAGE))
                    .compose(
                        rows -> {
                          List<String> ids = PostgresRows.map(rows, r -> r.getString(0));
                          return verifyAll(c, tenantId, ids, 0, new ChainReport(0, 0, List.of()))
                              .map(report -> new VerifyPage(ids, report));
                        }))
        .compose(
            p -> {
              ChainReport total = merge(soFar, p.report());
              if (p.sessionIds().size() < VERIFY_PAGE) {
                return Future.succeededFuture(total);
              }
              String last = p.sessionIds().get(p.sessionIds().size() - 1);
              return verifyFrom(tenantId, window, last, total);
            });
  }

  private record VerifyPage(List<String> sessionIds, ChainReport report) {}

  private Future<ChainReport> verifyAll(
      SqlConnection c, String tenantId, List<String> ids, int i, ChainReport soFar) {
    if (i == ids.size()) {
      return Future.succeededFuture(soFar);
    }
    return verifyChain(c, tenantId, ids.get(i))
        .compose(r -> verifyAll(c, tenantId, ids, i + 1, merge(soFar, r)));
  }

  private Future<ChainReport> verifyChain(SqlConnection c, String tenantId, String sessionId) {
    return chainVerifier(c, tenantId, sessionId)
        .map(
            verifier -> {
              ChainVerifier.Verdict verdict = verifier.verdict();
              List<ChainBreak> breaks =
                  verdict.valid() ? List.of() : List.of(verdict.toBreak(sessionId));
              return new ChainReport(1, verifier.count(), breaks);
            });
  }

  /** Streams one session in seq order through a verifier, a page of events at a time. */
  private Future<ChainVerifier> chainVerifier(SqlConnection c, String tenantId, String sessionId) {
    return latestAnchor(c, Tuple.of(tenantId, sessionId))
        .compose(
            anchor -> {
              ChainVerifier verifier = ChainVerifier.start(anchor);
              return feed(c, verifier, tenantId, sessionId, 0L).map(v -> verifier);
            });
  }

  private Future<Void> feed(
      SqlConnection c, ChainVerifier verifier, String tenantId, String sessionId, long afterSeq) {
    return c.preparedQuery(CHAIN_PAGE_SQL)
        .execute(Tuple.of(tenantId, sessionId, afterSeq, CHAIN_PAGE))
        .compose(
            rows ->
                db.blocking(
                    () -> {
                      long last = -1;
                      for (Row r : rows) {
                        Event e = PostgresRows.event(r);
                        verifier.accept(e);
                        last = e.seq();
                      }
                      return rows.size() < CHAIN_PAGE ? -1L : last;
                    }))
        .compose(
            last ->
                last < 0
                    ? Future.<Void>succeededFuture()
                    : feed(c, verifier, tenantId, sessionId, last));
  }

  private static ChainReport merge(ChainReport a, ChainReport b) {
    List<ChainBreak> breaks = new ArrayList<>(a.brokenChains());
    breaks.addAll(b.brokenChains());
    return new ChainReport(
        a.sessionsVerified() + b.sessionsVerified(), a.totalEvents() + b.totalEvents(), breaks);
  }

  private static Future<ChainAnchor> latestAnchor(SqlConnection c, Tuple key) {
    return c.preparedQuery(LATEST_ANCHOR)
        .execute(key)
        .map(rows -> rows.size() == 0 ? null : PostgresRows.anchor(rows.iterator().next()));
  }
}
