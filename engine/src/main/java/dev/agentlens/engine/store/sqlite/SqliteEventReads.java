package dev.agentlens.engine.store.sqlite;

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
import dev.agentlens.engine.model.Timestamps;
import dev.agentlens.engine.store.ChainVerifier;
import dev.agentlens.engine.store.EventReads;
import dev.agentlens.engine.store.RollupWindow;
import dev.agentlens.engine.store.StoreSettings;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/** Event lists, single events, timelines and chain verification (reference §5, SPEC §3). */
final class SqliteEventReads implements EventReads {

  /** Sessions verified per read transaction, so a long audit never pins one WAL snapshot. */
  private static final int VERIFY_PAGE = 64;

  private static final String SELECT_EVENTS = "SELECT " + SqliteRows.EVENT_COLUMNS + " FROM events";

  private static final String BY_AGENT = " INDEXED BY idx_events_agent_type_ts";

  private static final String SESSION_EXISTS =
      "SELECT 1 FROM sessions WHERE tenant_id = ? AND id = ?";

  private static final String SESSION_LAST_SEQ =
      "SELECT last_seq FROM sessions WHERE tenant_id = ? AND id = ?";

  private static final String TIMELINE_PAGE =
      SELECT_EVENTS
          + " WHERE tenant_id = ? AND session_id = ? AND seq <= ?%s ORDER BY ts_ms, id LIMIT ?";

  private static final String FIRST_TIMELINE_PAGE = TIMELINE_PAGE.formatted("");

  // A row value: one range seek on idx_events_session_ts, wherever the page starts.
  private static final String NEXT_TIMELINE_PAGE =
      TIMELINE_PAGE.formatted(" AND (ts_ms, id) > (?, ?)");

  private static final String CHAIN =
      SELECT_EVENTS + " WHERE tenant_id = ? AND session_id = ? ORDER BY seq";

  private static final String LATEST_ANCHOR =
      "SELECT "
          + SqliteRows.ANCHOR_COLUMNS
          + " FROM chain_anchors WHERE tenant_id = ? AND session_id = ?"
          + " ORDER BY last_seq DESC LIMIT 1";

  // Pinned to idx_events_session_ts: walked in session order, the keyset makes all pages together
  // one pass over the tenant. With statistics the planner prefers the timestamp index, which
  // would rescan the whole window for every page.
  private static final String SESSIONS_IN_WINDOW =
      "SELECT DISTINCT session_id FROM events INDEXED BY idx_events_session_ts"
          + " WHERE tenant_id = ? AND session_id > ?"
          + " AND ts_ms >= ? AND ts_ms <= ? ORDER BY session_id LIMIT ?";

  private final SqliteDatabase db;

  SqliteEventReads(SqliteDatabase db, StoreSettings settings) {
    this.db = db;
  }

  @Override
  public Future<Page<Event>> query(EventQuery q) {
    return db.read(
        c -> {
          List<Event> items = page(c, q);
          // A short, non-empty page already tells the total; only count when it cannot.
          boolean knownTotal = items.isEmpty() ? q.offset() == 0 : items.size() < q.limit();
          long total = knownTotal ? q.offset() + items.size() : count(c, q);
          return Page.of(items, total, q.offset());
        });
  }

  @Override
  public Future<Long> count(EventQuery q) {
    return db.read(c -> count(c, q));
  }

  /**
   * Without an agent: one SELECT per requested event type, merged by SQLite in index order (with an
   * IN list the planner may pick idx_events_type and then sort every match of every type: seconds
   * at 1M rows). With an agent: one walk of the agent's window in time order, whose index carries
   * the type, so a row is read only for the events the LIMIT keeps.
   */
  private static List<Event> page(Connection c, EventQuery q) throws SQLException {
    List<SqliteWhere> legs = new ArrayList<>();
    if (q.eventTypes().isEmpty()) {
      legs.add(filters(q));
    } else {
      List<String> known = knownTypes(q.eventTypes());
      if (byAgent(q) && !known.isEmpty()) {
        legs.add(filters(q).andIn("event_type", known));
      } else {
        for (String type : known) {
          legs.add(filters(q).and("event_type = ?", type));
        }
      }
    }
    List<Event> items = new ArrayList<>();
    if (legs.isEmpty()) {
      return items;
    }
    String from = SELECT_EVENTS + (byAgent(q) ? BY_AGENT : "");
    StringJoiner union = new StringJoiner(" UNION ALL ");
    legs.forEach(leg -> union.add(from + leg.sql()));
    String dir = q.order() == SortOrder.ASC ? "ASC" : "DESC";
    String sql = union + " ORDER BY ts_ms " + dir + ", id " + dir + " LIMIT ? OFFSET ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int next = 1;
      for (SqliteWhere leg : legs) {
        next = leg.bind(ps, next);
      }
      ps.setInt(next, q.limit());
      ps.setInt(next + 1, q.offset());
      collect(ps, items);
    }
    return items;
  }

  /**
   * An agent filter without a session (whose index is narrower) reads idx_events_agent_type_ts
   * (agent, time, type): pinned, because with statistics the planner may prefer idx_events_type and
   * fetch a row per candidate to test the agent, or idx_events_agent_id and fetch one to test the
   * type.
   */
  private static boolean byAgent(EventQuery q) {
    return q.agentId() != null && q.sessionId() == null;
  }

  private static long count(Connection c, EventQuery q) throws SQLException {
    if (unfiltered(q)) {
      return SqliteStatsReads.countEvents(c, q.tenantId());
    }
    List<String> types = knownTypes(q.eventTypes());
    if (!q.eventTypes().isEmpty() && types.isEmpty()) {
      return 0;
    }
    RollupWindow w = SqliteTypeRollups.wholeHours(q);
    if (w == null) {
      return scanCount(c, q, types);
    }
    long n = SqliteTypeRollups.count(c, q, types, w);
    for (RollupWindow.Range edge : new RollupWindow.Range[] {w.before(), w.after()}) {
      if (edge != null) {
        n += scanCount(c, q.withWindow(edge.from(), edge.to()), types);
      }
    }
    return n;
  }

  private static long scanCount(Connection c, EventQuery q, List<String> types)
      throws SQLException {
    SqliteWhere where = filters(q).andIn("event_type", types);
    String from = "SELECT count(*) FROM events" + (byAgent(q) ? BY_AGENT : "");
    try (PreparedStatement ps = c.prepareStatement(from + where.sql())) {
      where.bind(ps);
      return SqliteRows.scalarLong(ps);
    }
  }

  /** Only the tenant: the count has a fast path (a whole-table count when the tenant is alone). */
  private static boolean unfiltered(EventQuery q) {
    return q.sessionId() == null
        && q.agentId() == null
        && q.eventTypes().isEmpty()
        && q.severities().isEmpty()
        && q.from() == null
        && q.to() == null
        && q.search() == null
        && !q.excludeMetrics();
  }

  /** Unknown types match nothing (reference §5), so they are dropped; at most 26 remain. */
  private static List<String> knownTypes(List<String> requested) {
    return requested.stream().distinct().filter(t -> EventType.fromWire(t) != null).toList();
  }

  @Override
  public Future<Optional<Event>> get(String tenantId, String id) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(SELECT_EVENTS + " WHERE tenant_id = ? AND id = ?")) {
            ps.setString(1, tenantId);
            ps.setString(2, id);
            List<Event> found = new ArrayList<>(1);
            collect(ps, found);
            return found.stream().findFirst();
          }
        });
  }

  @Override
  public Future<Optional<TimelineHead>> timelineHead(
      String tenantId, String sessionId, int pageSize) {
    return db.read(
        c -> {
          long lastSeq;
          try (PreparedStatement ps = c.prepareStatement(SESSION_LAST_SEQ)) {
            ps.setString(1, tenantId);
            ps.setString(2, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              lastSeq = rs.getLong(1);
            }
          }
          // One snapshot: the chain verified is exactly the events up to lastSeq.
          // One row past the page tells whether the page is the whole session.
          List<Event> first = timelinePage(c, tenantId, sessionId, lastSeq, null, pageSize + 1);
          boolean more = first.size() > pageSize;
          ChainVerifier.Verdict v =
              more
                  ? chainVerifier(c, tenantId, sessionId).verdict()
                  : ChainVerifier.verify(first, latestAnchor(c, tenantId, sessionId));
          List<Event> page = more ? first.subList(0, pageSize) : first;
          return Optional.of(new TimelineHead(lastSeq, v.valid(), v.chained(), page, more));
        });
  }

  @Override
  public Future<List<Event>> timelinePage(
      String tenantId, String sessionId, long maxSeq, TimelineCursor after, int limit) {
    return db.read(c -> timelinePage(c, tenantId, sessionId, maxSeq, after, limit));
  }

  private static List<Event> timelinePage(
      Connection c, String tenantId, String sessionId, long maxSeq, TimelineCursor after, int limit)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(after == null ? FIRST_TIMELINE_PAGE : NEXT_TIMELINE_PAGE)) {
      int i = 1;
      ps.setString(i++, tenantId);
      ps.setString(i++, sessionId);
      ps.setLong(i++, maxSeq);
      if (after != null) {
        ps.setLong(i++, Timestamps.epochMillis(after.timestamp()));
        ps.setString(i++, after.id());
      }
      ps.setInt(i, limit);
      List<Event> page = new ArrayList<>(Math.min(limit, 1024));
      collect(ps, page);
      return page;
    }
  }

  @Override
  public Future<ChainReport> verifySession(String tenantId, String sessionId) {
    return db.read(
        c -> {
          ChainReport report = verifyChain(c, tenantId, sessionId);
          boolean exists = report.totalEvents() > 0 || sessionExists(c, tenantId, sessionId);
          return exists ? report : new ChainReport(0, 0, List.of());
        });
  }

  @Override
  public Future<ChainReport> verifyWindow(String tenantId, TimeWindow window) {
    return verifyFrom(tenantId, window, "", new ChainReport(0, 0, List.of()));
  }

  /** Verifies the next page of sessions after {@code afterSessionId}, then the rest. */
  private Future<ChainReport> verifyFrom(
      String tenantId, TimeWindow window, String afterSessionId, ChainReport soFar) {
    return db.read(
            c -> {
              List<String> ids = sessionsInWindow(c, tenantId, window, afterSessionId);
              ChainReport page = new ChainReport(0, 0, List.of());
              for (String id : ids) {
                page = merge(page, verifyChain(c, tenantId, id));
              }
              return new VerifyPage(ids, page);
            })
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

  private static List<String> sessionsInWindow(
      Connection c, String tenantId, TimeWindow window, String afterSessionId) throws SQLException {
    List<String> ids = new ArrayList<>(VERIFY_PAGE);
    try (PreparedStatement ps = c.prepareStatement(SESSIONS_IN_WINDOW)) {
      ps.setString(1, tenantId);
      ps.setString(2, afterSessionId);
      ps.setLong(3, Timestamps.epochMillis(window.from()));
      ps.setLong(4, Timestamps.epochMillis(window.to()));
      ps.setInt(5, VERIFY_PAGE);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }

  private static ChainReport verifyChain(Connection c, String tenantId, String sessionId)
      throws SQLException {
    ChainVerifier verifier = chainVerifier(c, tenantId, sessionId);
    ChainVerifier.Verdict v = verifier.verdict();
    List<ChainBreak> breaks = v.valid() ? List.of() : List.of(v.toBreak(sessionId));
    return new ChainReport(1, verifier.count(), breaks);
  }

  /** Streams one session in seq order through a verifier; only one event is held at a time. */
  private static ChainVerifier chainVerifier(Connection c, String tenantId, String sessionId)
      throws SQLException {
    ChainVerifier verifier = ChainVerifier.start(latestAnchor(c, tenantId, sessionId));
    try (PreparedStatement ps = c.prepareStatement(CHAIN)) {
      ps.setString(1, tenantId);
      ps.setString(2, sessionId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          verifier.accept(SqliteRows.event(rs));
        }
      }
    }
    return verifier;
  }

  private static ChainReport merge(ChainReport a, ChainReport b) {
    List<ChainBreak> breaks = new ArrayList<>(a.brokenChains());
    breaks.addAll(b.brokenChains());
    return new ChainReport(
        a.sessionsVerified() + b.sessionsVerified(), a.totalEvents() + b.totalEvents(), breaks);
  }

  private static ChainAnchor latestAnchor(Connection c, String tenantId, String sessionId)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(LATEST_ANCHOR)) {
      ps.setString(1, tenantId);
      ps.setString(2, sessionId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? SqliteRows.anchor(rs) : null;
      }
    }
  }

  private static boolean sessionExists(Connection c, String tenantId, String sessionId)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SESSION_EXISTS)) {
      ps.setString(1, tenantId);
      ps.setString(2, sessionId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Every filter but the event types, which {@link #page} and {@link #count} add their way. */
  private static SqliteWhere filters(EventQuery q) {
    SqliteWhere where =
        new SqliteWhere()
            .and("tenant_id = ?", q.tenantId())
            .andIfPresent("session_id = ?", q.sessionId())
            .andIfPresent("agent_id = ?", q.agentId())
            .andIn("severity", q.severities())
            .andIfPresent("ts_ms >= ?", millis(q.from()))
            .andIfPresent("ts_ms <= ?", millis(q.to()))
            .andContains("payload", q.search());
    return q.excludeMetrics() ? where.and("is_metric = 0") : where;
  }

  /** A bound of a time filter as the ts_ms it compares with; null (no bound) stays null. */
  private static Long millis(String canonical) {
    return canonical == null ? null : Timestamps.epochMillis(canonical);
  }

  private static void collect(PreparedStatement ps, List<Event> into) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        into.add(SqliteRows.event(rs));
      }
    }
  }
}
