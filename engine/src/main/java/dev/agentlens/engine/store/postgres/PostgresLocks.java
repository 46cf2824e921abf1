package dev.agentlens.engine.store.postgres;

/**
 * Transaction-level advisory lock keys ({@code pg_advisory_xact_lock(class, object)}): the class is
 * 'AGLN' so that they never collide with another application's locks on a shared database.
 */
final class PostgresLocks {
  private PostgresLocks() {}

  /** Nodes starting together apply migrations one at a time. */
  static final String MIGRATIONS = "1095191630, 1";

  /** One retention chunk at a time across every node on the database. */
  static final String RETENTION = "1095191630, 2";
}
