package dev.agentlens.engine.store.postgres;

import dev.agentlens.engine.model.StatsOverview;
import dev.agentlens.engine.model.StorageStats;
import dev.agentlens.engine.model.TimeWindow;
import dev.agentlens.engine.store.StatsReads;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/** GET /api/stats and /api/stats/overview (reference §9), each from one snapshot. */
final class PostgresStatsReads implements StatsReads {

  private static final String STATS =
      // Counting a tenant's events reads every one of them; the hourly rollups hold the count.
      "SELECT (SELECT coalesce(sum(events), 0)::int8 FROM event_rollups WHERE tenant_id = $1),"
          + " (SELECT count(*) FROM sessions WHERE tenant_id = $1),"
          + " (SELECT count(*) FROM agents WHERE tenant_id = $1),"
          // ORDER BY … LIMIT 1 is one seek at either end of idx_events_timestamp, never a scan.
          + " (SELECT timestamp FROM events WHERE tenant_id = $1 ORDER BY timestamp ASC LIMIT 1),"
          + " (SELECT timestamp FROM events WHERE tenant_id = $1 ORDER BY timestamp DESC LIMIT 1),"
          // The tables of this schema (with their indexes and TOAST), not the tenant's share.
          + " (SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::int8 FROM pg_class c"
          + " JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE n.nspname = current_schema() AND c.relkind = 'r')";

  /** Events, errors (severity only) and sessions started, in the window $2..$3. */
  private static final String WINDOW =
      "SELECT (SELECT count(*) FROM events WHERE tenant_id = $1"
          + " AND timestamp >= $2 AND timestamp <= $3),"
          // is_error is implied by the severity and lets PostgreSQL use idx_events_errors.
          + " (SELECT count(*) FROM events WHERE tenant_id = $1 AND is_error"
          + " AND severity IN ('error', 'critical') AND timestamp >= $2 AND timestamp <= $3),"
          + " (SELECT count(*) FROM sessions WHERE tenant_id = $1"
          + " AND started_at >= $2 AND started_at <= $3)";

  private final PostgresDatabase db;

  PostgresStatsReads(PostgresDatabase db) {
    this.db = db;
  }

  @Override
  public Future<StorageStats> stats(String tenantId) {
    return db.query(STATS, Tuple.of(tenantId))
        .map(
            rows -> {
              Row r = rows.iterator().next();
              return new StorageStats(
                  r.getLong(0),
                  r.getLong(1),
                  r.getLong(2),
                  r.getString(3),
                  r.getString(4),
                  r.getLong(5));
            });
  }

  @Override
  public Future<StatsOverview> overview(String tenantId, TimeWindow current, TimeWindow previous) {
    return db.snapshot(
        c ->
            window(c, tenantId, current)
                .compose(
                    now ->
                        window(c, tenantId, previous)
                            .compose(
                                before ->
                                    c.preparedQuery(
                                            "SELECT count(*) FROM agents WHERE tenant_id = $1")
                                        .execute(Tuple.of(tenantId))
                                        .map(
                                            agents ->
                                                new StatsOverview(
                                                    now[0],
                                                    before[0],
                                                    now[1],
                                                    before[1],
                                                    now[2],
                                                    before[2],
                                                    PostgresRows.scalarLong(agents),
                                                    now[0] == 0
                                                        ? 0.0
                                                        : (double) now[1] / now[0])))));
  }

  private static Future<long[]> window(SqlConnection c, String tenantId, TimeWindow w) {
    return c.preparedQuery(WINDOW)
        .execute(Tuple.of(tenantId, w.from(), w.to()))
        .map(
            rows -> {
              Row r = rows.iterator().next();
              return new long[] {r.getLong(0), r.getLong(1), r.getLong(2)};
            });
  }
}
