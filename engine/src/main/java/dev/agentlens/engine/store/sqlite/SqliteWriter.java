package dev.agentlens.engine.store.sqlite;

import dev.agentlens.engine.json.CanonicalJson;
import dev.agentlens.engine.model.DrainBatch;
import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.PayloadFacts;
import dev.agentlens.engine.model.Timestamps;
import dev.agentlens.engine.model.WriteResult;
import dev.agentlens.engine.store.AgentTouch;
import dev.agentlens.engine.store.BatchPlan;
import dev.agentlens.engine.store.BatchPlanner;
import dev.agentlens.engine.store.GroupSums;
import dev.agentlens.engine.store.HourlyRollup;
import dev.agentlens.engine.store.PlannedEvent;
import dev.agentlens.engine.store.SessionKey;
import dev.agentlens.engine.store.SessionState;
import dev.agentlens.engine.store.StoreSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;

/** The single write path on the writer connection: one drain batch in the caller's transaction. */
final class SqliteWriter {

  private static final String INSERT_EVENT =
      "INSERT INTO events (id, tenant_id, seq, timestamp, session_id, agent_id, event_type,"
          + " severity, payload, metadata, prev_hash, hash, is_error, is_metric, tool_name, model,"
          + " provider, cost_usd, input_tokens, output_tokens, total_tokens, cache_read_tokens,"
          + " cache_write_tokens, duration_ms, latency_ms, ts_ms)"
          + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

  private static final String UPSERT_SESSION =
      "INSERT INTO sessions (tenant_id, id, agent_id, agent_name, started_at, ended_at,"
          + " last_event_at, status, event_count, tool_call_count, error_count, total_cost_usd,"
          + " llm_call_count, total_input_tokens, total_output_tokens, tags, last_seq, last_hash)"
          + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
          + " ON CONFLICT (tenant_id, id) DO UPDATE SET agent_name = excluded.agent_name,"
          + " ended_at = excluded.ended_at, last_event_at = excluded.last_event_at,"
          + " status = excluded.status, event_count = excluded.event_count,"
          + " tool_call_count = excluded.tool_call_count, error_count = excluded.error_count,"
          + " total_cost_usd = excluded.total_cost_usd, llm_call_count = excluded.llm_call_count,"
          + " total_input_tokens = excluded.total_input_tokens,"
          + " total_output_tokens = excluded.total_output_tokens, tags = excluded.tags,"
          + " last_seq = excluded.last_seq, last_hash = excluded.last_hash";

  private static final String UPSERT_AGENT =
      "INSERT INTO agents (tenant_id, id, name, first_seen_at, last_seen_at) VALUES (?,?,?,?,?)"
          + " ON CONFLICT (tenant_id, id) DO UPDATE SET"
          + " first_seen_at = min(first_seen_at, excluded.first_seen_at),"
          + " last_seen_at = max(last_seen_at, excluded.last_seen_at)";

  private static final String UPSERT_ROLLUP =
      "INSERT INTO event_rollups (tenant_id, hour, session_id, agent_id, is_metric, events,"
          + " tool_calls, errors, latency_sum, latency_count, cost_usd)"
          + " VALUES (?,?,?,?,?,?,?,?,?,?,?)"
          + " ON CONFLICT (tenant_id, hour, session_id, agent_id, is_metric) DO UPDATE SET"
          + " events = events + excluded.events, tool_calls = tool_calls + excluded.tool_calls,"
          + " errors = errors + excluded.errors, latency_sum = latency_sum + excluded.latency_sum,"
          + " latency_count = latency_count + excluded.latency_count,"
          + " cost_usd = cost_usd + excluded.cost_usd";

  private static final String SELECT_SESSION =
      "SELECT agent_id, agent_name, started_at, ended_at, last_event_at, status, event_count,"
          + " tool_call_count, error_count, total_cost_usd, llm_call_count, total_input_tokens,"
          + " total_output_tokens, tags, last_seq, last_hash FROM sessions"
          + " WHERE tenant_id = ? AND id = ?";

  private static final String SAVE_CHECKPOINT =
      "INSERT INTO ingest_checkpoint (node_id, journal_index, updated_at) VALUES (?,?,?)"
          + " ON CONFLICT (node_id) DO UPDATE SET journal_index = excluded.journal_index,"
          + " updated_at = excluded.updated_at";

  private static final int PLAN_CHUNK = 500;

  private final StoreSettings settings;
  private final ExecutorService planner =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "agentlens-sqlite-planner");
            t.setDaemon(true);
            return t;
          });

  SqliteWriter(SqliteDatabase db, StoreSettings settings) {
    this.settings = settings;
  }

  void close() {
    planner.shutdown();
  }

  WriteResult write(Connection c, DrainBatch batch) throws SQLException {
    List<IngestEvent> events = batch.events();
    Map<SessionKey, SessionState> sessions = loadSessions(c, BatchPlanner.sessionKeys(events));
    Set<SessionKey> ids = storedIds(c, BatchPlanner.idsToCheck(batch));
    BatchPlan plan = planWhileInserting(c, events, sessions, ids);
    upsertSessions(c, plan.sessions());
    upsertAgents(c, plan.agents());
    upsertRollups(c, HourlyRollup.of(plan.events()));
    SqliteTypeRollups.add(c, plan.events());
    saveCheckpoint(c, batch.nodeId(), batch.journalIndex());
    List<Event> committed = new ArrayList<>(plan.events().size());
    for (PlannedEvent p : plan.events()) {
      committed.add(p.event());
    }
    return new WriteResult(committed, plan.duplicateIds(), batch.journalIndex());
  }

  /**
   * Hashing the chain is a third of the writer's CPU per event: a planner thread chains and hashes
   * chunk after chunk while this (writer) thread inserts the chunks already planned, so the two
   * overlap on a multi-core machine. The insert order and the transaction are unchanged.
   */
  private BatchPlan planWhileInserting(
      Connection c,
      List<IngestEvent> events,
      Map<SessionKey, SessionState> sessions,
      Set<SessionKey> ids)
      throws SQLException {
    if (events.size() < 2 * PLAN_CHUNK) {
      BatchPlan plan = BatchPlanner.plan(events, sessions, ids);
      insertEvents(c, plan.events());
      return plan;
    }
    BlockingQueue<List<PlannedEvent>> chunks = new LinkedBlockingQueue<>();
    Future<BatchPlan> planned =
        planner.submit(
            () -> {
              try {
                return BatchPlanner.plan(events, sessions, ids, PLAN_CHUNK, chunks::add);
              } finally {
                chunks.add(List.of()); // end marker, also after a failure
              }
            });
    try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT)) {
      for (List<PlannedEvent> chunk = chunks.take(); !chunk.isEmpty(); chunk = chunks.take()) {
        insertChunk(ps, chunk);
      }
      return planned.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while planning a drain batch", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException("planning a drain batch failed", e.getCause());
    }
  }

  static long checkpoint(Connection c, String nodeId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT journal_index FROM ingest_checkpoint WHERE node_id = ?")) {
      ps.setString(1, nodeId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1L;
      }
    }
  }

  void deadLetter(Connection c, List<IngestEvent> events, String reason) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO dead_letters (tenant_id, event_id, reason, event_json, created_at)"
                + " VALUES (?,?,?,?,?)")) {
      String now = settings.clock().instant().toString();
      for (IngestEvent e : events) {
        ps.setString(1, e.tenantId());
        ps.setString(2, e.id());
        ps.setString(3, reason);
        ps.setString(4, DeadLetterJson.of(e));
        ps.setString(5, now);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static Map<SessionKey, SessionState> loadSessions(Connection c, Set<SessionKey> keys)
      throws SQLException {
    Map<SessionKey, SessionState> found = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(SELECT_SESSION)) {
      for (SessionKey k : keys) {
        ps.setString(1, k.tenantId());
        ps.setString(2, k.id());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            found.put(k, sessionState(k, rs));
          }
        }
      }
    }
    return found;
  }

  private static SessionState sessionState(SessionKey k, ResultSet rs) throws SQLException {
    return new SessionState(
        k.tenantId(),
        k.id(),
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getLong(7),
        rs.getLong(8),
        rs.getLong(9),
        rs.getDouble(10),
        rs.getLong(11),
        rs.getLong(12),
        rs.getLong(13),
        SqliteJson.stringList(rs.getString(14)),
        rs.getLong(15),
        rs.getString(16));
  }

  private static Set<SessionKey> storedIds(Connection c, Set<SessionKey> ids) throws SQLException {
    if (ids.isEmpty()) {
      return Set.of();
    }
    Set<SessionKey> found = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM events WHERE tenant_id = ? AND id = ?")) {
      for (SessionKey k : ids) {
        ps.setString(1, k.tenantId());
        ps.setString(2, k.id());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            found.add(k);
          }
        }
      }
    }
    return found;
  }

  private static void insertEvents(Connection c, List<PlannedEvent> events) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT)) {
      insertChunk(ps, events);
    }
  }

  private static void insertChunk(PreparedStatement ps, List<PlannedEvent> events)
      throws SQLException {
    for (PlannedEvent p : events) {
      Event e = p.event();
      PayloadFacts f = p.source().facts();
      ps.setString(1, e.id());
      ps.setString(2, e.tenantId());
      ps.setLong(3, e.seq());
      ps.setString(4, e.timestamp());
      ps.setString(5, e.sessionId());
      ps.setString(6, e.agentId());
      ps.setString(7, e.eventType().wire());
      ps.setString(8, e.severity().wire());
      ps.setString(9, e.payload());
      ps.setString(10, e.metadata());
      ps.setString(11, e.prevHash());
      ps.setString(12, e.hash());
      ps.setInt(13, p.source().isError() ? 1 : 0);
      ps.setInt(14, p.metric() ? 1 : 0);
      ps.setString(15, f.toolName());
      ps.setString(16, f.model());
      ps.setString(17, f.provider());
      setDouble(ps, 18, f.costUsd());
      setDouble(ps, 19, f.inputTokens());
      setDouble(ps, 20, f.outputTokens());
      setDouble(ps, 21, f.totalTokens());
      setDouble(ps, 22, f.cacheReadTokens());
      setDouble(ps, 23, f.cacheWriteTokens());
      setDouble(ps, 24, f.durationMs());
      setDouble(ps, 25, f.latencyMs());
      ps.setLong(26, Timestamps.epochMillis(e.timestamp()));
      ps.addBatch();
    }
    ps.executeBatch();
  }

  private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.REAL);
    } else {
      ps.setDouble(i, v);
    }
  }

  private static void upsertSessions(Connection c, List<SessionState> sessions)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UPSERT_SESSION)) {
      for (SessionState s : sessions) {
        ps.setString(1, s.tenantId);
        ps.setString(2, s.id);
        ps.setString(3, s.agentId);
        ps.setString(4, s.agentName);
        ps.setString(5, s.startedAt);
        ps.setString(6, s.endedAt);
        ps.setString(7, s.lastEventAt);
        ps.setString(8, s.status);
        ps.setLong(9, s.eventCount);
        ps.setLong(10, s.toolCallCount);
        ps.setLong(11, s.errorCount);
        ps.setDouble(12, s.totalCostUsd);
        ps.setLong(13, s.llmCallCount);
        ps.setLong(14, s.totalInputTokens);
        ps.setLong(15, s.totalOutputTokens);
        ps.setString(16, CanonicalJson.write(s.tags));
        ps.setLong(17, s.lastSeq);
        ps.setString(18, s.lastHash);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void upsertAgents(Connection c, List<AgentTouch> agents) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UPSERT_AGENT)) {
      for (AgentTouch a : agents) {
        ps.setString(1, a.tenantId());
        ps.setString(2, a.agentId());
        ps.setString(3, a.name());
        ps.setString(4, a.firstSeenAt());
        ps.setString(5, a.lastSeenAt());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void upsertRollups(Connection c, Collection<HourlyRollup> rollups)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UPSERT_ROLLUP)) {
      for (HourlyRollup r : rollups) {
        ps.setString(1, r.tenantId());
        ps.setString(2, r.hour());
        ps.setString(3, r.sessionId());
        ps.setString(4, r.agentId());
        ps.setInt(5, r.metric() ? 1 : 0);
        GroupSums s = r.sums();
        ps.setLong(6, s.events());
        ps.setLong(7, s.toolCalls());
        ps.setLong(8, s.errors());
        ps.setDouble(9, s.latencySum());
        ps.setLong(10, s.latencyCount());
        ps.setDouble(11, s.costUsd());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private void saveCheckpoint(Connection c, String nodeId, long index) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SAVE_CHECKPOINT)) {
      ps.setString(1, nodeId);
      ps.setLong(2, index);
      ps.setString(3, settings.clock().instant().toString());
      ps.executeUpdate();
    }
  }
}
