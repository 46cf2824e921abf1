package dev.agentlens.engine.store.postgres;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Versioned migrations applied at startup in the caller's transaction, recorded in {@code
 * schema_migrations}. An advisory lock serialises nodes that start at the same time against one
 * database; DDL is transactional on PostgreSQL, so a failed migration leaves nothing behind. A
 * database newer than this build is refused rather than guessed at.
 */
final class PostgresMigrations {

  /** In order; a released file is never edited, a change is a new version. */
  static final List<String> FILES =
      List.of("V1__schema.sql", "V2__engine_leases.sql", "V3__event_rollups.sql");

  private final SqlConnection connection;

  PostgresMigrations(SqlConnection connection) {
    this.connection = connection;
  }

  Future<Void> apply() {
    return connection
        .query("SELECT pg_advisory_xact_lock(" + PostgresLocks.MIGRATIONS + ")")
        .execute()
        .compose(
            v ->
                connection
                    .query(
                        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
                            + " name TEXT NOT NULL, applied_at TEXT NOT NULL)")
                    .execute())
        .compose(
            v ->
                connection
                    .query("SELECT coalesce(max(version), 0) FROM schema_migrations")
                    .execute())
        .compose(rows -> applyFrom(rows.iterator().next().getInteger(0) + 1));
  }

  private Future<Void> applyFrom(int version) {
    if (version - 1 > FILES.size()) {
      return Future.failedFuture(
          new IllegalStateException(
              "database schema version "
                  + (version - 1)
                  + " is newer than this build ("
                  + FILES.size()
                  + ")"));
    }
    if (version > FILES.size()) {
      return Future.succeededFuture();
    }
    String name = FILES.get(version - 1);
    return connection
        .query(load(name))
        .execute()
        .compose(
            v ->
                connection
                    .preparedQuery(
                        "INSERT INTO schema_migrations (version, name, applied_at)"
                            + " VALUES ($1, $2, $3)")
                    .execute(Tuple.of(version, name, Instant.now().toString())))
        .compose(v -> applyFrom(version + 1));
  }

  private static String load(String name) {
    try (InputStream in = PostgresMigrations.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing migration " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
