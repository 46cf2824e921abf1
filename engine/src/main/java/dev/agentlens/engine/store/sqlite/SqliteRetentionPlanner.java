package dev.agentlens.engine.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds what one retention chunk deletes (SPEC §7), reading only. A chain is only ever cut at its
 * start: per session, the expired prefix is the run of events in seq order, from the first one
 * left, whose timestamps are all older than the cutoff; it stops at the first event that is not
 * (timestamps may be backdated, seq is arrival order). Sessions are visited per tenant in
 * (started_at, rowid) order from a cursor, and only those started before the cutoff: a session's
 * first event is its start, so a younger session has nothing to cut. A prefix longer than the
 * chunk's budget is cut in several chunks.
 */
final class SqliteRetentionPlanner {

  /**
   * A position in the (tenant, started_at, rowid) order of sessions, for one cutoff. Only a hint:
   * should a full VACUUM renumber rowids between chunks, a tie on started_at may be skipped, and
   * its events wait for the next run.
   */
  record Cursor(String cutoff, String tenantId, String startedAt, long rowid) {
    static Cursor start(String cutoff) {
      return new Cursor(cutoff, null, "", -1);
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

  private static final String FIRST_TENANT = "SELECT min(tenant_id) FROM sessions";

  private static final String NEXT_TENANT =
      "SELECT min(tenant_id) FROM sessions WHERE tenant_id > ?";

  private static final String OLD_SESSIONS =
      "SELECT rowid, id, started_at FROM sessions WHERE tenant_id = ? AND started_at < ?"
          + " AND (started_at, rowid) > (?, ?) ORDER BY started_at, rowid";

  private static final String HEAD =
      "SELECT seq, timestamp, prev_hash, hash FROM events WHERE tenant_id = ? AND session_id = ?"
          + " ORDER BY seq LIMIT ?";

  private final Connection c;
  private final String cutoff;
  private final List<Cut> cuts = new ArrayList<>();
  private int budget;
  private long events;
  private Cursor position;

  private SqliteRetentionPlanner(Connection c, Cursor from, int maxEvents) {
    this.c = c;
    this.cutoff = from.cutoff();
    this.position = from;
    this.budget = maxEvents;
  }

  static Plan plan(Connection c, Cursor from, int maxEvents) throws SQLException {
    SqliteRetentionPlanner p = new SqliteRetentionPlanner(c, from, maxEvents);
    boolean done = p.scan();
    return new Plan(List.copyOf(p.cuts), p.events, p.position, done);
  }

  /** Returns true when every old session after the cursor was examined completely. */
  private boolean scan() throws SQLException {
    String tenant = position.tenantId() == null ? nextTenant(null) : position.tenantId();
    try (PreparedStatement sessions = c.prepareStatement(OLD_SESSIONS);
        PreparedStatement head = c.prepareStatement(HEAD)) {
      while (tenant != null) {
        boolean resumed = tenant.equals(position.tenantId());
        sessions.setString(1, tenant);
        sessions.setString(2, cutoff);
        sessions.setString(3, resumed ? position.startedAt() : "");
        sessions.setLong(4, resumed ? position.rowid() : -1);
        try (ResultSet rs = sessions.executeQuery()) {
          while (rs.next()) {
            if (!visit(head, tenant, rs.getString(2))) {
              return false;
            }
            position = new Cursor(cutoff, tenant, rs.getString(3), rs.getLong(1));
            if (budget == 0) {
              return false;
            }
          }
        }
        tenant = nextTenant(tenant);
      }
    }
    return true;
  }

  /**
   * Cuts the session's expired prefix within the budget; false when the budget ended inside it (the
   * session must be visited again).
   */
  private boolean visit(PreparedStatement head, String tenant, String session) throws SQLException {
    List<Row> rows = expiredHead(head, tenant, session);
    boolean complete = rows.size() <= budget;
    List<Row> kept = complete ? rows : rows.subList(0, budget);
    if (!kept.isEmpty()) {
      add(cut(tenant, session, kept));
    }
    return complete;
  }

  /** The session's expired prefix, at most budget + 1 events (one more tells it goes on). */
  private List<Row> expiredHead(PreparedStatement head, String tenant, String session)
      throws SQLException {
    head.setString(1, tenant);
    head.setString(2, session);
    head.setInt(3, budget + 1);
    List<Row> rows = new ArrayList<>();
    try (ResultSet rs = head.executeQuery()) {
      while (rs.next() && rs.getString(2).compareTo(cutoff) < 0) {
        rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
      }
    }
    return rows;
  }

  private static Cut cut(String tenant, String session, List<Row> rows) {
    List<String> hashes = new ArrayList<>(rows.size());
    String tsMin = rows.get(0).timestamp();
    String tsMax = tsMin;
    for (Row r : rows) {
      hashes.add(r.hash());
      tsMin = r.timestamp().compareTo(tsMin) < 0 ? r.timestamp() : tsMin;
      tsMax = r.timestamp().compareTo(tsMax) > 0 ? r.timestamp() : tsMax;
    }
    Row last = rows.get(rows.size() - 1);
    return new Cut(
        tenant, session, rows.get(0).prevHash(), last.hash(), last.seq(), hashes, tsMin, tsMax);
  }

  private void add(Cut cut) {
    cuts.add(cut);
    budget -= cut.hashes().size();
    events += cut.hashes().size();
  }

  private String nextTenant(String after) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(after == null ? FIRST_TENANT : NEXT_TENANT)) {
      if (after != null) {
        ps.setString(1, after);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private record Row(long seq, String timestamp, String prevHash, String hash) {}
}
