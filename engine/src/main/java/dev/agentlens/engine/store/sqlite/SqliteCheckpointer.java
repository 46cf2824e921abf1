package dev.agentlens.engine.store.sqlite;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Copies the WAL back into the database file on its own thread and connection, so the drain writer
 * never pays for a checkpoint inside a commit (with automatic checkpoints, every Nth commit stalls
 * while megabytes are copied and fsynced). PASSIVE never blocks the writer or readers.
 */
final class SqliteCheckpointer {
  private static final Logger LOG = Logger.getLogger(SqliteCheckpointer.class.getName());

  private final String url;
  private final Duration interval;
  private ScheduledExecutorService thread;
  private Connection connection;

  SqliteCheckpointer(String url, Duration interval) {
    this.url = url;
    this.interval = interval;
  }

  void start() throws SQLException {
    connection = DriverManager.getConnection(url);
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA busy_timeout = 5000");
    }
    thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "agentlens-sqlite-checkpointer");
              t.setDaemon(true);
              return t;
            });
    long ms = interval.toMillis();
    thread.scheduleWithFixedDelay(this::checkpoint, ms, ms, TimeUnit.MILLISECONDS);
  }

  private void checkpoint() {
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA wal_checkpoint(PASSIVE)");
    } catch (SQLException e) {
      LOG.log(Level.FINE, "wal checkpoint skipped", e);
    }
  }

  void stop() throws SQLException {
    if (thread == null) {
      return;
    }
    thread.shutdown();
    try {
      thread.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connection.close();
  }
}
