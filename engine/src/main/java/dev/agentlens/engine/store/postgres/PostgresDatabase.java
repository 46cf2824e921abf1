package dev.agentlens.engine.store.postgres;

import dev.agentlens.engine.config.ConfigException;
import dev.agentlens.engine.store.TransientStoreException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.DatabaseException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The reactive pool of one PostgreSQL database and the few ways the store uses it: a prepared
 * query, a read-write transaction, a read-only snapshot, and CPU work moved off the event loop.
 * Every failure comes out classified: unavailability as {@link TransientStoreException} (the
 * drainer retries it forever), everything else as the permanent database error it is.
 */
final class PostgresDatabase {

  /** SQLSTATE classes and codes that mean "not now" rather than "never". */
  private static final String[] TRANSIENT_STATES = {
    "08", // connection exception
    "40001", // serialization failure
    "40P01", // deadlock detected
    "53", // insufficient resources: disk full, out of memory, too many connections
    "55P03", // lock not available
    "57014", // query canceled (statement timeout)
    "57P", // admin / crash shutdown, cannot connect now
    "58", // system error (I/O)
    "25P03", // idle in transaction timeout
  };

  private static final int CONNECT_TIMEOUT_MS = 10_000;

  private final Vertx vertx;
  private final PgConnectOptions connect;
  private final PoolOptions poolOptions;
  private Pool pool;

  /**
   * @throws ConfigException when {@code url} is not a postgresql:// URL (a one-line message)
   */
  PostgresDatabase(Vertx vertx, String url, int poolSize, Duration statementTimeout) {
    this.vertx = vertx;
    this.connect = connectOptions(url, statementTimeout);
    this.poolOptions =
        new PoolOptions().setMaxSize(poolSize).setMaxWaitQueueSize(-1).setName("agentlens-pg");
  }

  private static PgConnectOptions connectOptions(String url, Duration statementTimeout) {
    PgConnectOptions options;
    try {
      // A JDBC URL names the same server; accept it rather than fail on the prefix.
      options = PgConnectOptions.fromUri(url.startsWith("jdbc:") ? url.substring(5) : url);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "storage.url (DATABASE_URL) is not a postgresql://user:pass@host:port/db URL");
    }
    // A URL with query parameters replaces the client's default session properties; put them back.
    Map<String, String> props = new HashMap<>(PgConnectOptions.DEFAULT_PROPERTIES);
    props.put("application_name", "agentlens-engine");
    props.putAll(options.getProperties());
    props.put("statement_timeout", Long.toString(statementTimeout.toMillis()));
    return options
        .setProperties(props)
        .setCachePreparedStatements(true)
        .setPreparedStatementCacheMaxSize(512);
  }

  /** Opens the pool and applies pending migrations; fails with one line naming the server. */
  Future<Void> open() {
    pool =
        PgBuilder.pool()
            .with(poolOptions)
            // A blackholed server must not hang a health check for the OS's minute; keepalive
            // notices a peer that vanished while a connection sat idle.
            .with(
                new NetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MS).setTcpKeepAlive(true))
            .connectingTo(connect)
            .using(vertx)
            .build();
    Pool opened = pool;
    return pool.withTransaction(c -> new PostgresMigrations(c).apply())
        .recover(
            e -> {
              // A store that failed to start holds no connection attempts open.
              RuntimeException failure = startFailure(e);
              return opened.close().transform(v -> Future.<Void>failedFuture(failure));
            });
  }

  private RuntimeException startFailure(Throwable e) {
    String where =
        "PostgreSQL at "
            + connect.getHost()
            + ":"
            + connect.getPort()
            + "/"
            + connect.getDatabase()
            + " (user "
            + connect.getUser()
            + ")";
    if (e instanceof PgException pg && !isTransient(pg)) {
      // Authentication, missing database, or a migration the database refused.
      return new ConfigException(where + " refused: " + pg.getErrorMessage());
    }
    if (e instanceof ConfigException || e instanceof IllegalStateException) {
      return new ConfigException(where + ": " + e.getMessage());
    }
    return new ConfigException("cannot reach " + where + ": " + oneLine(e));
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage();
    return (m == null || m.isBlank() ? e.getClass().getSimpleName() : m).replace('\n', ' ');
  }

  Future<RowSet<Row>> query(String sql, Tuple args) {
    return pool.preparedQuery(sql).execute(args).recover(PostgresDatabase::classified);
  }

  /** Runs {@code work} in one read-write transaction; rolled back when its future fails. */
  <T> Future<T> transaction(Function<SqlConnection, Future<T>> work) {
    return pool.withTransaction(work).recover(PostgresDatabase::classified);
  }

  /** Runs several reads against one consistent snapshot (a read-only repeatable-read tx). */
  <T> Future<T> snapshot(Function<SqlConnection, Future<T>> work) {
    return pool.withTransaction(
            c ->
                c.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    .execute()
                    .compose(v -> work.apply(c)))
        .recover(PostgresDatabase::classified);
  }

  /** CPU-bound work (hashing, encoding a batch) on a worker thread, never an event loop. */
  <T> Future<T> blocking(Callable<T> work) {
    return vertx.executeBlocking(work, false);
  }

  Future<Void> close() {
    return pool == null ? Future.succeededFuture() : pool.close();
  }

  static <T> Future<T> classified(Throwable e) {
    return Future.failedFuture(classify(e));
  }

  static Throwable classify(Throwable e) {
    if (e instanceof TransientStoreException) {
      return e;
    }
    if (e instanceof PgException pg) {
      return isTransient(pg)
          ? new TransientStoreException("postgresql: " + pg.getMessage(), pg)
          : new IllegalStateException("postgresql: " + pg.getMessage(), pg);
    }
    if (isUnavailable(e)) {
      return new TransientStoreException("postgresql unavailable: " + oneLine(e), e);
    }
    return e;
  }

  private static boolean isTransient(PgException e) {
    String state = e.getSqlState();
    if (state == null) {
      return false;
    }
    for (String prefix : TRANSIENT_STATES) {
      if (state.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Lost or refused connections, pool timeouts: anything on the way to the server. */
  private static boolean isUnavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException
          || t instanceof TimeoutException
          || t instanceof io.vertx.sqlclient.ClosedConnectionException
          || t instanceof io.vertx.core.http.ConnectionPoolTooBusyException) {
        return true;
      }
      String name = t.getClass().getName();
      if (name.endsWith("NoStackTraceTimeoutException")
          || name.endsWith("ConnectTimeoutException")) {
        return true;
      }
      // The SQL client reports a connection that died under a command only by message
      // ("Connection is not active now…", "Pending requests failed to be sent due to connection
      // has been closed.", "Pool closed"). Calling an outage permanent would dead-letter good
      // events, so anything about a closed connection or pool counts as unavailability.
      if (t instanceof VertxException && !(t instanceof DatabaseException)) {
        String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("connection") || m.contains("closed")) {
          return true;
        }
      }
    }
    return false;
  }
}
