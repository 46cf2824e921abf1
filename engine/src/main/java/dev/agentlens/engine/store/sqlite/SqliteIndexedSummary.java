package dev.agentlens.engine.store.sqlite;

import dev.agentlens.engine.model.AnalyticsBucket;
import dev.agentlens.engine.model.AnalyticsQuery;
import dev.agentlens.engine.model.AnalyticsResult;
import dev.agentlens.engine.model.AnalyticsTotals;
import dev.agentlens.engine.model.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GET /api/analytics over a whole tenant's window (no agent or metrics filter) read from the
 * indexes, bucket by bucket, instead of looking up every row of the window and sorting every
 * (bucket, session, agent) group: about a third of the cost for a 24h window of 1M events.
 *
 * <p>Per non-empty bucket ({@link SqliteBucketRange}): counts are covering index ranges
 * (idx_events_timestamp, idx_events_type, idx_events_errors); latency and cost read only the
 * tool_response and cost_tracked rows. Distinct sessions: each candidate session (last_event_at,
 * the max event time, not before the window) is walked bucket by bucket with one seek per bucket on
 * idx_events_session_ts. Distinct agents: one seek per candidate agent on idx_events_agent_id
 * (first/last_seen_at are the min/max event times).
 *
 * <p>A session probe costs about as much as scanning {@link #EVENTS_PER_PROBE} events of the
 * general scan, so this path is taken only when the tenant's sessions are few against the window's
 * events, or few at all.
 */
final class SqliteIndexedSummary {
  private SqliteIndexedSummary() {}

  private static final int EVENTS_PER_PROBE = 4;
  private static final int FEW_SESSIONS = 256;

  private static final String RANGE = " tenant_id = ? AND ts_ms >= ? AND ts_ms <= ?";

  private static final String FIRST = "SELECT min(ts_ms) FROM events WHERE" + RANGE;
  private static final String COUNT_SESSIONS = "SELECT count(*) FROM sessions WHERE tenant_id = ?";
  private static final String EVENTS =
      "SELECT count(*) FROM events INDEXED BY idx_events_timestamp WHERE" + RANGE;
  private static final String TOOL_CALLS =
      "SELECT count(*) FROM events INDEXED BY idx_events_type WHERE"
          + RANGE
          + " AND event_type = 'tool_call'";
  private static final String ERRORS =
      "SELECT count(*) FROM events INDEXED BY idx_events_errors WHERE"
          + RANGE
          + " AND is_error = 1";
  private static final String LATENCY =
      "SELECT sum(duration_ms), count(duration_ms) FROM events INDEXED BY idx_events_type WHERE"
          + RANGE
          + " AND event_type = 'tool_response'";
  private static final String COST =
      "SELECT sum(cost_usd) FROM events INDEXED BY idx_events_type WHERE"
          + RANGE
          + " AND event_type = 'cost_tracked'";

  private static final String CANDIDATE_SESSIONS =
      "SELECT id FROM sessions WHERE tenant_id = ? AND last_event_at >= ?";
  private static final String SESSION_FIRST =
      "SELECT min(ts_ms) FROM events INDEXED BY idx_events_session_ts"
          + " WHERE tenant_id = ? AND session_id = ? AND ts_ms >= ? AND ts_ms <= ?";
  private static final String AGENTS =
      "SELECT count(*) FROM agents a WHERE a.tenant_id = ? AND a.first_seen_at <= ?"
          + " AND a.last_seen_at >= ? AND EXISTS (SELECT 1 FROM events e"
          + " INDEXED BY idx_events_agent_id WHERE e.tenant_id = a.tenant_id"
          + " AND e.agent_id = a.id AND e.ts_ms >= ? AND e.ts_ms <= ?)";

  /** The summary, or empty when the query has filters or the general scan is cheaper. */
  static Optional<AnalyticsResult> read(Connection c, AnalyticsQuery q) throws SQLException {
    if (q.agentId() != null || q.excludeMetrics() || q.from().compareTo(q.to()) > 0) {
      return Optional.empty();
    }
    String tenant = q.tenantId();
    long events = scalarLong(c, EVENTS, tenant, ms(q.from()), ms(q.to()));
    long sessions = scalarLong(c, COUNT_SESSIONS, tenant);
    if (sessions > Math.max(FEW_SESSIONS, events / EVENTS_PER_PROBE)) {
      return Optional.empty();
    }
    Map<String, Fold> buckets = buckets(c, q);
    long uniqueSessions = sessions(c, q, buckets);
    long uniqueAgents = scalarLong(c, AGENTS, tenant, q.to(), q.from(), ms(q.from()), ms(q.to()));
    return Optional.of(result(buckets, uniqueSessions, uniqueAgents));
  }

  /** The non-empty buckets in time order, jumping over empty ones with one seek each. */
  private static Map<String, Fold> buckets(Connection c, AnalyticsQuery q) throws SQLException {
    Map<String, Fold> buckets = new LinkedHashMap<>();
    try (PreparedStatement first = c.prepareStatement(FIRST);
        PreparedStatement events = c.prepareStatement(EVENTS);
        PreparedStatement tools = c.prepareStatement(TOOL_CALLS);
        PreparedStatement errors = c.prepareStatement(ERRORS);
        PreparedStatement latency = c.prepareStatement(LATENCY);
        PreparedStatement cost = c.prepareStatement(COST)) {
      String cursor = q.from();
      String ts;
      while ((ts = SqliteRows.time(bind(first, q.tenantId(), ms(cursor), ms(q.to())))) != null) {
        SqliteBucketRange b = SqliteBucketRange.of(q.granularity(), ts);
        String last = b.last().compareTo(q.to()) < 0 ? b.last() : q.to();
        Fold f = new Fold();
        Long from = ms(cursor);
        Long to = ms(last);
        f.events = SqliteRows.scalarLong(bind(events, q.tenantId(), from, to));
        f.toolCalls = SqliteRows.scalarLong(bind(tools, q.tenantId(), from, to));
        f.errors = SqliteRows.scalarLong(bind(errors, q.tenantId(), from, to));
        try (ResultSet rs = bind(latency, q.tenantId(), from, to).executeQuery()) {
          if (rs.next()) {
            f.latencySum = rs.getDouble(1);
            f.latencyCount = rs.getLong(2);
          }
        }
        try (ResultSet rs = bind(cost, q.tenantId(), from, to).executeQuery()) {
          f.cost = rs.next() ? rs.getDouble(1) : 0;
        }
        buckets.put(b.label(), f);
        if (b.next() == null || b.next().compareTo(q.to()) > 0) {
          break;
        }
        cursor = b.next();
      }
    }
    return buckets;
  }

  /** Adds one to each bucket per session with events in it; returns the sessions seen. */
  private static long sessions(Connection c, AnalyticsQuery q, Map<String, Fold> buckets)
      throws SQLException {
    List<String> candidates = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(CANDIDATE_SESSIONS);
        ResultSet rs = bind(ps, q.tenantId(), q.from()).executeQuery()) {
      while (rs.next()) {
        candidates.add(rs.getString(1));
      }
    }
    long seen = 0;
    try (PreparedStatement first = c.prepareStatement(SESSION_FIRST)) {
      for (String id : candidates) {
        String cursor = q.from();
        String ts;
        boolean any = false;
        while ((ts = SqliteRows.time(bind(first, q.tenantId(), id, ms(cursor), ms(q.to()))))
            != null) {
          SqliteBucketRange b = SqliteBucketRange.of(q.granularity(), ts);
          buckets.get(b.label()).sessions++;
          any = true;
          if (b.next() == null || b.next().compareTo(q.to()) > 0) {
            break;
          }
          cursor = b.next();
        }
        seen += any ? 1 : 0;
      }
    }
    return seen;
  }

  private static AnalyticsResult result(
      Map<String, Fold> buckets, long uniqueSessions, long uniqueAgents) {
    List<AnalyticsBucket> out = new ArrayList<>(buckets.size());
    Fold total = new Fold();
    buckets.forEach(
        (label, f) -> {
          out.add(
              new AnalyticsBucket(
                  label, f.events, f.toolCalls, f.errors, f.avgLatency(), f.cost, f.sessions));
          total.events += f.events;
          total.toolCalls += f.toolCalls;
          total.errors += f.errors;
          total.latencySum += f.latencySum;
          total.latencyCount += f.latencyCount;
          total.cost += f.cost;
        });
    return new AnalyticsResult(
        out,
        new AnalyticsTotals(
            total.events,
            total.toolCalls,
            total.errors,
            total.avgLatency(),
            total.cost,
            uniqueSessions,
            uniqueAgents));
  }

  private static PreparedStatement bind(PreparedStatement ps, Object... params)
      throws SQLException {
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
    return ps;
  }

  /** A bound of a range in ts_ms terms. */
  private static Long ms(String canonical) {
    return Timestamps.epochMillis(canonical);
  }

  private static long scalarLong(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      return SqliteRows.scalarLong(bind(ps, params));
    }
  }

  /** The figures of one bucket (or of all of them). */
  private static final class Fold {
    long events;
    long toolCalls;
    long errors;
    double latencySum;
    long latencyCount;
    double cost;
    long sessions;

    double avgLatency() {
      return latencyCount > 0 ? latencySum / latencyCount : 0;
    }
  }
}
