package dev.agentlens.engine.store.postgres;

import dev.agentlens.engine.json.EventHasher;
import dev.agentlens.engine.model.ChainAnchor;
import dev.agentlens.engine.model.RetentionChunk;
import dev.agentlens.engine.model.RetentionRun;
import dev.agentlens.engine.model.Timestamps;
import dev.agentlens.engine.store.RetentionStore;
import dev.agentlens.engine.store.StoreSettings;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Retention (SPEC §7). Each chunk is one transaction that takes the retention advisory lock (one
 * chunk at a time across every node), sets the transaction-local flag the delete trigger checks,
 * anchors and deletes the expired seq-ordered prefixes found by {@link PostgresRetentionPlanner},
 * subtracting them from the hourly rollups in the same statement. Writers lock session rows and
 * retention only deletes old events, so a writer waits for a chunk only when it adds to a rollup
 * row of an expired hour (an event timestamped before the cutoff). Consecutive chunks of one run
 * resume where the previous one stopped.
 */
final class PostgresRetentionStore implements RetentionStore {

  /** Sessions examined per transaction when removing emptied sessions. */
  private static final long SWEEP_BATCH = 2000;

  private static final String BEGIN_CHUNK =
      "SELECT pg_advisory_xact_lock("
          + PostgresLocks.RETENTION
          + "), set_config('agentlens.retention', 'on', true)";

  private static final String ROLLUP_KEY =
      " WHERE r.tenant_id = l.tenant_id AND r.hour = l.hour AND r.session_id = l.session_id"
          + " AND r.agent_id = l.agent_id AND r.is_metric = l.is_metric";

  private static final String INSERT_ANCHORS =
      "INSERT INTO chain_anchors (tenant_id, session_id, first_prev_hash, last_hash, last_seq,"
          + " event_count, segment_digest, ts_min, ts_max, created_at)"
          + " SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int8[],"
          + " $6::int8[], $7::text[], $8::text[], $9::text[], $10::text[])";

  /**
   * Deletes the prefixes and takes their contribution out of {@code event_rollups} (the sums of
   * V3__event_rollups.sql), deleting the rollup rows that reach no events; returns the events
   * deleted. The rollup rows are locked in key order first, as a drain upsert takes them. The
   * UPDATE and DELETE decide on the locked (latest) {@code events}, not on the statement's snapshot
   * of the row, so a drain transaction that committed an increment meanwhile is never lost.
   */
  private static final String DELETE_PREFIXES =
      "WITH gone AS (DELETE FROM events e"
          + " USING unnest($1::text[], $2::text[], $3::int8[]) AS c(t, s, q)"
          + " WHERE e.tenant_id = c.t AND e.session_id = c.s AND e.seq <= c.q"
          + " RETURNING e.tenant_id, substr(e.timestamp, 1, 13) AS hour, e.session_id,"
          + " e.agent_id, e.is_metric, e.event_type, e.is_error, e.duration_ms, e.cost_usd),"
          + " sums AS (SELECT tenant_id, hour, session_id, agent_id, is_metric, count(*) AS n,"
          + " count(*) FILTER (WHERE event_type = 'tool_call') AS tc,"
          + " count(*) FILTER (WHERE is_error) AS er,"
          + " coalesce(sum(duration_ms) FILTER (WHERE event_type = 'tool_response'), 0) AS ls,"
          + " count(duration_ms) FILTER (WHERE event_type = 'tool_response') AS lc,"
          + " coalesce(sum(cost_usd) FILTER (WHERE event_type = 'cost_tracked'), 0) AS cu"
          + " FROM gone GROUP BY 1, 2, 3, 4, 5),"
          + " locked AS (SELECT r.tenant_id, r.hour, r.session_id, r.agent_id, r.is_metric,"
          + " r.events, s.n, s.tc, s.er, s.ls, s.lc, s.cu FROM event_rollups r JOIN sums s"
          + " ON r.tenant_id = s.tenant_id AND r.hour = s.hour AND r.session_id = s.session_id"
          + " AND r.agent_id = s.agent_id AND r.is_metric = s.is_metric"
          + " ORDER BY r.tenant_id, r.hour, r.session_id, r.agent_id, r.is_metric FOR UPDATE OF r),"
          + " shrunk AS (UPDATE event_rollups r SET events = r.events - l.n,"
          + " tool_calls = r.tool_calls - l.tc, errors = r.errors - l.er,"
          + " latency_sum = r.latency_sum - l.ls, latency_count = r.latency_count - l.lc,"
          + " cost_usd = r.cost_usd - l.cu FROM locked l"
          + ROLLUP_KEY
          + " AND l.events > l.n RETURNING 1),"
          + " emptied AS (DELETE FROM event_rollups r USING locked l"
          + ROLLUP_KEY
          + " AND l.events <= l.n RETURNING 1)"
          + " SELECT count(*) FROM gone";

  /**
   * One slice of sessions in key order; those without events are deleted unless a writer appended
   * to them meanwhile (last_seq moved: the re-check on the locked row sees it).
   */
  private static final String SWEEP =
      "WITH slice AS (SELECT tenant_id, id, last_seq FROM sessions"
          + " WHERE (tenant_id, id) > ($1, $2) ORDER BY tenant_id, id LIMIT $3),"
          + " gone AS (DELETE FROM sessions s USING slice c"
          + " WHERE s.tenant_id = c.tenant_id AND s.id = c.id AND s.last_seq = c.last_seq"
          + " AND NOT EXISTS (SELECT 1 FROM events e"
          + " WHERE e.tenant_id = s.tenant_id AND e.session_id = s.id) RETURNING 1)"
          + " SELECT l.tenant_id, l.id, (SELECT count(*) FROM gone), (SELECT count(*) FROM slice)"
          + " FROM (SELECT tenant_id, id FROM slice ORDER BY tenant_id DESC, id DESC LIMIT 1) l";

  private final PostgresDatabase db;
  private final StoreSettings settings;

  /** Where the last chunk stopped (null: start over); touched only between chunks. */
  private final AtomicReference<PostgresRetentionPlanner.Cursor> resume = new AtomicReference<>();

  PostgresRetentionStore(PostgresDatabase db, StoreSettings settings) {
    this.db = db;
    this.settings = settings;
  }

  @Override
  public Future<RetentionChunk> purgeChunk(String cutoff, int maxEvents) {
    if (maxEvents < 1) {
      return Future.failedFuture(new IllegalArgumentException("maxEvents not >= 1"));
    }
    PostgresRetentionPlanner.Cursor from = resume.get();
    PostgresRetentionPlanner.Cursor start =
        from != null && from.cutoff().equals(cutoff)
            ? from
            : PostgresRetentionPlanner.Cursor.start(cutoff);
    return db.transaction(
            c ->
                c.query(BEGIN_CHUNK)
                    .execute()
                    .compose(v -> PostgresRetentionPlanner.plan(c, start, maxEvents))
                    .compose(plan -> purge(c, plan).map(plan)))
        .onFailure(e -> resume.set(null))
        .map(
            plan -> {
              resume.set(plan.done() ? null : plan.next());
              return new RetentionChunk(plan.eventCount(), plan.cuts().size(), plan.done());
            });
  }

  private Future<Void> purge(SqlConnection c, PostgresRetentionPlanner.Plan plan) {
    List<PostgresRetentionPlanner.Cut> cuts = plan.cuts();
    if (cuts.isEmpty()) {
      return Future.succeededFuture();
    }
    int n = cuts.size();
    String now = Timestamps.format(settings.clock().instant());
    String[][] text = new String[8][n];
    Long[] lastSeq = new Long[n];
    Long[] count = new Long[n];
    for (int i = 0; i < n; i++) {
      PostgresRetentionPlanner.Cut cut = cuts.get(i);
      text[0][i] = cut.tenantId();
      text[1][i] = cut.sessionId();
      text[2][i] = cut.firstPrevHash();
      text[3][i] = cut.lastHash();
      text[4][i] = EventHasher.sha256Hex(String.join("\n", cut.hashes()));
      text[5][i] = cut.tsMin();
      text[6][i] = cut.tsMax();
      text[7][i] = now;
      lastSeq[i] = cut.lastSeq();
      count[i] = (long) cut.hashes().size();
    }
    Tuple anchors =
        Tuple.tuple()
            .addValue(text[0])
            .addValue(text[1])
            .addValue(text[2])
            .addValue(text[3])
            .addValue(lastSeq)
            .addValue(count)
            .addValue(text[4])
            .addValue(text[5])
            .addValue(text[6])
            .addValue(text[7]);
    // Anchors first: the rest of each chain must still verify once its prefix is gone.
    return c.preparedQuery(INSERT_ANCHORS)
        .execute(anchors)
        .compose(
            v ->
                c.preparedQuery(DELETE_PREFIXES)
                    .execute(Tuple.wrap(new Object[] {text[0], text[1], lastSeq})))
        .compose(
            deleted ->
                PostgresRows.scalarLong(deleted) == plan.eventCount()
                    ? Future.<Void>succeededFuture()
                    : Future.failedFuture(
                        new IllegalStateException(
                            "retention deleted an unexpected number of events")));
  }

  /** Sweeps the sessions table in key-ordered slices, one short transaction each. */
  @Override
  public Future<Long> removeEmptySessions() {
    return sweepFrom("", "", 0L);
  }

  private Future<Long> sweepFrom(String afterTenant, String afterId, long removedSoFar) {
    return db.query(SWEEP, Tuple.of(afterTenant, afterId, SWEEP_BATCH))
        .compose(
            rows -> {
              if (rows.size() == 0) {
                return Future.succeededFuture(removedSoFar);
              }
              Row r = rows.iterator().next();
              long removed = removedSoFar + r.getLong(2);
              return r.getLong(3) < SWEEP_BATCH
                  ? Future.succeededFuture(removed)
                  : sweepFrom(r.getString(0), r.getString(1), removed);
            });
  }

  /** Inserts the run, or replaces it when a run with that id was recorded before (its start). */
  @Override
  public Future<Void> recordRun(RetentionRun run) {
    return db.query(
            "INSERT INTO retention_runs (id, started_at, finished_at, cutoff, events_deleted,"
                + " anchors_written, sessions_removed, error)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO UPDATE SET"
                + " started_at = excluded.started_at, finished_at = excluded.finished_at,"
                + " cutoff = excluded.cutoff, events_deleted = excluded.events_deleted,"
                + " anchors_written = excluded.anchors_written,"
                + " sessions_removed = excluded.sessions_removed, error = excluded.error",
            Tuple.of(
                run.id(),
                run.startedAt(),
                run.finishedAt(),
                run.cutoff(),
                run.eventsDeleted(),
                run.anchorsWritten(),
                run.sessionsRemoved(),
                run.error()))
        .mapEmpty();
  }

  @Override
  public Future<List<RetentionRun>> runs(int limit) {
    return db.query(
            "SELECT id, started_at, finished_at, cutoff, events_deleted, anchors_written,"
                + " sessions_removed, error FROM retention_runs"
                + " ORDER BY started_at DESC, id DESC LIMIT $1",
            Tuple.of((long) limit))
        .map(
            rows ->
                PostgresRows.map(
                    rows,
                    r ->
                        new RetentionRun(
                            r.getString(0),
                            r.getString(1),
                            r.getString(2),
                            r.getString(3),
                            r.getLong(4),
                            r.getLong(5),
                            r.getLong(6),
                            r.getString(7))));
  }

  @Override
  public Future<List<ChainAnchor>> anchors(String tenantId, String sessionId) {
    return db.query(
            "SELECT "
                + PostgresRows.ANCHOR_COLUMNS
                + " FROM chain_anchors WHERE tenant_id = $1 AND session_id = $2 ORDER BY last_seq",
            Tuple.of(tenantId, sessionId))
        .map(rows -> PostgresRows.map(rows, PostgresRows::anchor));
  }
}
