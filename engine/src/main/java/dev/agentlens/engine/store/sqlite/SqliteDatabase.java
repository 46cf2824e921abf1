package dev.agentlens.engine.store.sqlite;

import dev.agentlens.engine.store.TransientStoreException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connections of one SQLite file and the threads that use them: one writer connection confined
 * to a one-thread executor (every write, in order), and a pool of read-only connections on a worker
 * pool. Callers only ever see futures; nothing here runs on an event loop.
 */
final class SqliteDatabase {

  /** Pragmas that only take effect on an empty database file. */
  private static final Set<String> CREATE_ONLY = Set.of("page_size", "auto_vacuum");

  /** Pragmas that make no sense on a read-only connection. */
  private static final Set<String> WRITER_ONLY =
      Set.of("page_size", "auto_vacuum", "journal_mode", "wal_autocheckpoint", "synchronous");

  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final Vertx vertx;
  private final SqliteSettings settings;
  private final WorkerExecutor writeExecutor;
  private final WorkerExecutor readExecutor;
  private final BlockingQueue<Connection> readers;
  private Connection writer;
  private final SqliteCheckpointer checkpointer;

  SqliteDatabase(Vertx vertx, SqliteSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
    int n = INSTANCES.incrementAndGet();
    this.writeExecutor = vertx.createSharedWorkerExecutor("agentlens-sqlite-writer-" + n, 1);
    this.readExecutor =
        vertx.createSharedWorkerExecutor("agentlens-sqlite-reader-" + n, settings.readPoolSize());
    this.readers = new ArrayBlockingQueue<>(settings.readPoolSize());
    this.checkpointer =
        settings.checkpointInterval().isZero()
            ? null
            : new SqliteCheckpointer(url(), settings.checkpointInterval());
  }

  private String url() {
    return "jdbc:sqlite:" + settings.file().toAbsolutePath();
  }

  Future<Void> open() {
    return writeExecutor.executeBlocking(
        () -> {
          Path parent = settings.file().toAbsolutePath().getParent();
          if (parent != null) {
            Files.createDirectories(parent);
          }
          writer = connect(false);
          new SqliteMigrations(writer).apply();
          if (checkpointer != null) {
            checkpointer.start();
          }
          for (int i = 0; i < settings.readPoolSize(); i++) {
            readers.add(connect(true));
          }
          return null;
        },
        true);
  }

  /**
   * Runs {@code work} in one transaction on the writer connection; rolls back on any failure. Busy,
   * I/O and disk-full errors fail with {@link TransientStoreException}.
   */
  <T> Future<T> write(SqlWork<T> work) {
    return writeExecutor.executeBlocking(
        () -> {
          try {
            return inTransaction(writer, work);
          } catch (SQLException e) {
            throw classify(e);
          }
        },
        true);
  }

  private static RuntimeException classify(SQLException e) {
    int primary = e.getErrorCode() & 0xff;
    return switch (primary) {
      case 5, 6, 7, 10, 13, 14, 15 -> // BUSY, LOCKED, NOMEM, IOERR, FULL, CANTOPEN, PROTOCOL
          new TransientStoreException("sqlite: " + e.getMessage(), e);
      default -> new IllegalStateException("sqlite: " + e.getMessage(), e);
    };
  }

  /** Runs {@code work} on the writer thread without a transaction (maintenance such as vacuum). */
  <T> Future<T> writeNoTransaction(SqlWork<T> work) {
    return writeExecutor.executeBlocking(
        () -> {
          try {
            return work.apply(writer);
          } catch (SQLException e) {
            throw classify(e);
          }
        },
        true);
  }

  /** Runs {@code work} on a read-only connection; a read transaction gives it one snapshot. */
  <T> Future<T> read(SqlWork<T> work) {
    return readExecutor.executeBlocking(
        () -> {
          Connection c = readers.take();
          try {
            return inTransaction(c, work);
          } finally {
            readers.add(c);
          }
        },
        false);
  }

  Path file() {
    return settings.file();
  }

  Future<Void> close() {
    return writeExecutor
        .executeBlocking(
            () -> {
              if (checkpointer != null) {
                checkpointer.stop();
              }
              if (writer != null) {
                try (Statement s = writer.createStatement()) {
                  s.execute("PRAGMA optimize");
                }
                writer.close();
              }
              Connection c;
              while ((c = readers.poll()) != null) {
                c.close();
              }
              return (Void) null;
            },
            true)
        .eventually(() -> writeExecutor.close())
        .eventually(() -> readExecutor.close());
  }

  private static <T> T inTransaction(Connection c, SqlWork<T> work) throws SQLException {
    c.setAutoCommit(false);
    try {
      T result = work.apply(c);
      c.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private Connection connect(boolean readOnly) throws SQLException {
    Properties props = new Properties();
    if (readOnly) {
      props.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
    }
    Connection c = DriverManager.getConnection(url(), props);
    try (Statement s = c.createStatement()) {
      for (Map.Entry<String, String> p : settings.pragmas().entrySet()) {
        if (readOnly && WRITER_ONLY.contains(p.getKey())) {
          continue;
        }
        if (!readOnly && CREATE_ONLY.contains(p.getKey()) && hasTables(s)) {
          continue;
        }
        s.execute("PRAGMA " + p.getKey() + " = " + p.getValue());
      }
      if (readOnly) {
        s.execute("PRAGMA query_only = ON");
        s.execute("PRAGMA cache_size = -" + settings.readCacheBytes() / 1024);
      } else if (checkpointer != null) {
        // The background checkpointer does this work; commits must not.
        s.execute("PRAGMA wal_autocheckpoint = 0");
      }
    }
    return c;
  }

  private static boolean hasTables(Statement s) throws SQLException {
    try (var rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
      return rs.next() && rs.getLong(1) > 0;
    }
  }

  Vertx vertx() {
    return vertx;
  }
}
