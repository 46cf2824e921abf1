package dev.agentlens.engine.store.postgres;

import dev.agentlens.engine.model.DrainBatch;
import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.WriteResult;
import dev.agentlens.engine.store.BatchPlan;
import dev.agentlens.engine.store.BatchPlanner;
import dev.agentlens.engine.store.HourlyRollup;
import dev.agentlens.engine.store.PlannedEvent;
import dev.agentlens.engine.store.SessionKey;
import dev.agentlens.engine.store.SessionState;
import dev.agentlens.engine.store.StoreSettings;
import dev.agentlens.engine.store.TransientStoreException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The single write path (SPEC §1, §3): one drain batch, one transaction. Several ingest nodes may
 * share the database, so the touched session rows are locked before chaining: missing ones are
 * first inserted as placeholders (so that they can be locked too), then all are locked in (tenant,
 * id) order — the same order on every node, so two writers wait for each other instead of
 * deadlocking — and a second writer of the same session continues the chain from the first one's
 * committed tail. Rows go in as multi-row {@code unnest} inserts (see {@link PostgresBatchRows}),
 * the hourly rollups of the inserted events with them.
 */
final class PostgresWriter {

  private static final String INSERT_PLACEHOLDERS =
      "INSERT INTO sessions (tenant_id, id, agent_id, started_at, last_event_at)"
          + " SELECT t, i, a, ts, ts FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])"
          + " AS k(t, i, a, ts) ORDER BY t COLLATE \"C\", i COLLATE \"C\""
          + " ON CONFLICT (tenant_id, id) DO NOTHING";

  private static final String LOCK_SESSIONS =
      "SELECT s.tenant_id, s.id, s.agent_id, s.agent_name, s.started_at, s.ended_at,"
          + " s.last_event_at, s.status, s.event_count, s.tool_call_count, s.error_count,"
          + " s.total_cost_usd, s.llm_call_count, s.total_input_tokens, s.total_output_tokens,"
          + " s.tags, s.last_seq, s.last_hash"
          + " FROM sessions s JOIN unnest($1::text[], $2::text[]) AS k(t, i)"
          + " ON s.tenant_id = k.t AND s.id = k.i ORDER BY s.tenant_id, s.id FOR UPDATE OF s";

  private static final String STORED_IDS =
      "SELECT e.tenant_id, e.id FROM events e JOIN unnest($1::text[], $2::text[]) AS k(t, i)"
          + " ON e.tenant_id = k.t AND e.id = k.i";

  private static final String DELETE_PLACEHOLDERS =
      "DELETE FROM sessions s USING unnest($1::text[], $2::text[]) AS k(t, i)"
          + " WHERE s.tenant_id = k.t AND s.id = k.i AND s.last_seq = 0";

  private static final String SAVE_CHECKPOINT =
      "INSERT INTO ingest_checkpoint (node_id, journal_index, updated_at) VALUES ($1, $2, $3)"
          + " ON CONFLICT (node_id) DO UPDATE SET journal_index = excluded.journal_index,"
          + " updated_at = excluded.updated_at";

  /** Rounds of "insert placeholders, lock" before a vanishing session row is called transient. */
  private static final int LOCK_ATTEMPTS = 3;

  private final PostgresDatabase db;
  private final StoreSettings settings;

  PostgresWriter(PostgresDatabase db, StoreSettings settings) {
    this.db = db;
    this.settings = settings;
  }

  Future<WriteResult> write(DrainBatch batch) {
    Map<SessionKey, IngestEvent> firsts = firstEventBySession(batch.events());
    Set<SessionKey> idsToCheck = BatchPlanner.idsToCheck(batch);
    return db.transaction(
        c ->
            lock(c, firsts, new Locked(new HashMap<>(), new HashSet<>()), 1)
                .compose(locked -> storedIds(c, idsToCheck).map(ids -> plan(batch, locked, ids)))
                .compose(db::blocking)
                .compose(prepared -> apply(c, batch, prepared)));
  }

  /** The sessions of the batch in (tenant, id) order, each with its first event. */
  private static Map<SessionKey, IngestEvent> firstEventBySession(List<IngestEvent> events) {
    Map<SessionKey, IngestEvent> firsts = new HashMap<>();
    for (IngestEvent e : events) {
      firsts.putIfAbsent(new SessionKey(e.tenantId(), e.sessionId()), e);
    }
    Map<SessionKey, IngestEvent> sorted = new LinkedHashMap<>();
    firsts.entrySet().stream()
        .sorted(
            Map.Entry.comparingByKey(
                Comparator.comparing(SessionKey::tenantId).thenComparing(SessionKey::id)))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /** Stored sessions (by key) and the keys whose row is this transaction's placeholder. */
  private record Locked(Map<SessionKey, SessionState> stored, Set<SessionKey> placeholders) {}

  /**
   * Inserts placeholders for the sessions not stored yet and locks every session row. A row can
   * vanish between the two statements (retention removing an emptied session); those are retried.
   */
  private Future<Locked> lock(
      SqlConnection c, Map<SessionKey, IngestEvent> firsts, Locked soFar, int attempt) {
    if (firsts.isEmpty()) {
      return Future.succeededFuture(soFar);
    }
    int n = firsts.size();
    String[] tenants = new String[n];
    String[] ids = new String[n];
    String[] agents = new String[n];
    String[] times = new String[n];
    int i = 0;
    for (Map.Entry<SessionKey, IngestEvent> e : firsts.entrySet()) {
      tenants[i] = e.getKey().tenantId();
      ids[i] = e.getKey().id();
      agents[i] = e.getValue().agentId();
      times[i++] = e.getValue().timestamp();
    }
    return c.preparedQuery(INSERT_PLACEHOLDERS)
        .execute(Tuple.wrap(new Object[] {tenants, ids, agents, times}))
        .compose(
            v -> c.preparedQuery(LOCK_SESSIONS).execute(Tuple.wrap(new Object[] {tenants, ids})))
        .compose(
            rows -> {
              Map<SessionKey, IngestEvent> missing = new LinkedHashMap<>(firsts);
              for (Row r : rows) {
                SessionKey k = new SessionKey(r.getString(0), r.getString(1));
                missing.remove(k);
                if (r.getLong(16) == 0L) {
                  soFar.placeholders().add(k);
                } else {
                  soFar.stored().put(k, sessionState(k, r));
                }
              }
              if (missing.isEmpty()) {
                return Future.succeededFuture(soFar);
              }
              if (attempt >= LOCK_ATTEMPTS) {
                return Future.failedFuture(
                    new TransientStoreException("session rows vanished while locking", null));
              }
              return lock(c, missing, soFar, attempt + 1);
            });
  }

  private static SessionState sessionState(SessionKey k, Row r) {
    return new SessionState(
        k.tenantId(),
        k.id(),
        r.getString(2),
        r.getString(3),
        r.getString(4),
        r.getString(5),
        r.getString(6),
        r.getString(7),
        r.getLong(8),
        r.getLong(9),
        r.getLong(10),
        r.getDouble(11),
        r.getLong(12),
        r.getLong(13),
        r.getLong(14),
        PostgresRows.stringList(r.getString(15)),
        r.getLong(16),
        r.getString(17));
  }

  private static Future<Set<SessionKey>> storedIds(SqlConnection c, Set<SessionKey> keys) {
    if (keys.isEmpty()) {
      return Future.succeededFuture(Set.of());
    }
    String[] tenants = new String[keys.size()];
    String[] ids = new String[keys.size()];
    int i = 0;
    for (SessionKey k : keys) {
      tenants[i] = k.tenantId();
      ids[i++] = k.id();
    }
    return c.preparedQuery(STORED_IDS)
        .execute(Tuple.wrap(new Object[] {tenants, ids}))
        .map(
            rows -> {
              Set<SessionKey> found = new HashSet<>();
              for (Row r : rows) {
                found.add(new SessionKey(r.getString(0), r.getString(1)));
              }
              return found;
            });
  }

  /** What {@link #apply} sends: the plan and its rows encoded as bind arrays. */
  private record Prepared(
      BatchPlan plan,
      List<Tuple> events,
      Tuple sessions,
      Tuple agents,
      Tuple unusedPlaceholders,
      int unusedCount,
      Tuple rollups,
      int rollupCount) {}

  /** The chaining and encoding, CPU work that {@link #write} runs on a worker thread. */
  private static java.util.concurrent.Callable<Prepared> plan(
      DrainBatch batch, Locked locked, Set<SessionKey> storedIds) {
    return () -> {
      BatchPlan plan = BatchPlanner.plan(batch.events(), locked.stored(), storedIds);
      Set<SessionKey> unused = new HashSet<>(locked.placeholders());
      for (SessionState s : plan.sessions()) {
        unused.remove(new SessionKey(s.tenantId, s.id));
      }
      Collection<HourlyRollup> rollups = HourlyRollup.of(plan.events());
      return new Prepared(
          plan,
          PostgresBatchRows.eventChunks(plan.events()),
          PostgresBatchRows.sessions(plan.sessions()),
          PostgresBatchRows.agents(plan.agents()),
          PostgresBatchRows.keys(unused),
          unused.size(),
          PostgresBatchRows.rollups(rollups),
          rollups.size());
    };
  }

  /** Sends every write of the batch at once (the connection pipelines them), then the result. */
  private Future<WriteResult> apply(SqlConnection c, DrainBatch batch, Prepared p) {
    List<Future<?>> writes = new ArrayList<>(p.events().size() + 5);
    BatchPlan plan = p.plan();
    for (Tuple chunk : p.events()) {
      writes.add(c.preparedQuery(PostgresBatchRows.INSERT_EVENTS).execute(chunk));
    }
    if (!plan.sessions().isEmpty()) {
      int expected = plan.sessions().size();
      writes.add(
          c.preparedQuery(PostgresBatchRows.UPDATE_SESSIONS)
              .execute(p.sessions())
              .compose(
                  r ->
                      r.rowCount() == expected
                          ? Future.succeededFuture(r)
                          : Future.failedFuture(
                              new IllegalStateException("a locked session row was not updated"))));
    }
    if (p.unusedCount() > 0) {
      writes.add(c.preparedQuery(DELETE_PLACEHOLDERS).execute(p.unusedPlaceholders()));
    }
    if (!plan.agents().isEmpty()) {
      writes.add(c.preparedQuery(PostgresBatchRows.UPSERT_AGENTS).execute(p.agents()));
    }
    if (p.rollupCount() > 0) {
      writes.add(c.preparedQuery(PostgresBatchRows.UPSERT_ROLLUPS).execute(p.rollups()));
    }
    writes.add(
        c.preparedQuery(SAVE_CHECKPOINT)
            .execute(
                Tuple.of(
                    batch.nodeId(), batch.journalIndex(), settings.clock().instant().toString())));
    return Future.all(writes)
        .map(
            v -> {
              List<Event> committed = new ArrayList<>(plan.events().size());
              for (PlannedEvent e : plan.events()) {
                committed.add(e.event());
              }
              return new WriteResult(committed, plan.duplicateIds(), batch.journalIndex());
            });
  }

  Future<Long> checkpoint(String nodeId) {
    return db.query(
            "SELECT journal_index FROM ingest_checkpoint WHERE node_id = $1", Tuple.of(nodeId))
        .map(rows -> rows.size() == 0 ? -1L : rows.iterator().next().getLong(0));
  }

  Future<Void> deadLetter(List<IngestEvent> events, String reason) {
    if (events.isEmpty()) {
      return Future.succeededFuture();
    }
    String now = settings.clock().instant().toString();
    return db.blocking(() -> PostgresBatchRows.deadLetters(events, reason, now))
        .compose(args -> db.query(PostgresBatchRows.INSERT_DEAD_LETTERS, args))
        .mapEmpty();
  }
}
