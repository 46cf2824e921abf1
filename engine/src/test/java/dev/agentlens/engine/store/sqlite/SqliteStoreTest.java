package dev.agentlens.engine.store.sqlite;

import dev.agentlens.engine.model.DeadLetter;
import dev.agentlens.engine.store.EventStore;
import dev.agentlens.engine.store.StoreSettings;
import dev.agentlens.engine.store.contract.AgentsContract;
import dev.agentlens.engine.store.contract.AlertsContract;
import dev.agentlens.engine.store.contract.AnalyticsContract;
import dev.agentlens.engine.store.contract.ConfigAndKeysContract;
import dev.agentlens.engine.store.contract.EventQueryContract;
import dev.agentlens.engine.store.contract.RetentionContract;
import dev.agentlens.engine.store.contract.RollupContract;
import dev.agentlens.engine.store.contract.SessionsContract;
import dev.agentlens.engine.store.contract.StatsContract;
import dev.agentlens.engine.store.contract.TenantIsolationContract;
import dev.agentlens.engine.store.contract.TimelineContract;
import dev.agentlens.engine.store.contract.WritesContract;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract suite against the embedded SQLite backend, one fresh file per test. */
class SqliteStoreTest {

  @TempDir static Path tempDir;

  private static final AtomicInteger FILES = new AtomicInteger();

  /** Copied from V1__schema.sql: the trigger a tamper test drops and puts back. */
  private static final String UPDATE_TRIGGER =
      "CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events\n"
          + "BEGIN\n"
          + "  SELECT RAISE(ABORT, 'events are append-only');\n"
          + "END";

  /** The backend hooks of one @Nested contract class: its current database file. */
  static final class Sqlite {
    private Path file;

    EventStore open(Vertx vertx, StoreSettings settings) {
      file = tempDir.resolve("contract-" + FILES.incrementAndGet() + ".db");
      return new SqliteEventStore(vertx, SqliteSettings.at(file), settings);
    }

    private Connection connect() throws SQLException {
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout = 5000");
      }
      return c;
    }

    void tamper(String tenantId, String eventId, String newPayload) throws SQLException {
      try (Connection c = connect()) {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement();
            PreparedStatement ps =
                c.prepareStatement(
                    "UPDATE events SET payload = ? WHERE tenant_id = ? AND id = ?")) {
          s.execute("DROP TRIGGER events_append_only_update");
          ps.setString(1, newPayload);
          ps.setString(2, tenantId);
          ps.setString(3, eventId);
          if (ps.executeUpdate() != 1) {
            throw new IllegalStateException("no event " + eventId + " in " + tenantId);
          }
          s.execute(UPDATE_TRIGGER);
        }
        c.commit();
      }
    }

    List<DeadLetter> deadLetters() throws SQLException {
      List<DeadLetter> out = new ArrayList<>();
      try (Connection c = connect();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT id, tenant_id, event_id, reason, event_json, created_at"
                      + " FROM dead_letters ORDER BY id")) {
        while (rs.next()) {
          out.add(
              new DeadLetter(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6)));
        }
      }
      return out;
    }
  }

  @Nested
  class Writes extends WritesContract {
    final Sqlite db = new Sqlite();

    @Override
    protected EventStore createStore(Vertx vertx, StoreSettings settings) {
      return db.open(vertx, settings);
    }

    @Override
    protected void tamperPayload(String tenantId, String eventId, String payload) throws Exception {
      db.tamper(tenantId, eventId, payload);
    }

    @Override
    protected List<DeadLetter> deadLetters() throws Exception {
      return db.deadLetters();
    }
  }

  @Nested
  class EventQueries extends EventQueryContract {
    final Sqlite db = new Sqlite();

    @Override
    protected EventStore createStore(Vertx vertx, StoreSettings settings) {
      return db.open(vertx, settings);
    }

    @Override
    protected void tamperPayload(String tenantId, String eventId, String payload) throws Exception {
      db.tamper(tenantId, eventId, payload);
    }

    @Override
    protected List<DeadLetter> deadLetters() throws Exception {
      return db.deadLetters();
    }
  }

  @Nested
  class Sessions extends SessionsContract {
    final Sqlite db = new Sqlite();

    @Override
    protected EventStore createStore(Vertx vertx, StoreSettings settings) {
      return db.open(vertx, settings);
    }

    @Override
    protected void tamperPayload(String tenantId, String eventId, String payload) throws Exception {
      db.tamper(tenantId, eventId, payload);
    }

    @Override
    protected List<DeadLetter> deadLetters() throws Exception {
      return db.deadLetters();
    }
  }

  @Nested
  class Agents extends AgentsContract {
    final Sqlite db = new Sqlite();

    @Override
    protected EventStore createStore(Vertx vertx, StoreSettings settings) {
      return db.open(vertx, settings);
    }

    @Override
    protected void tamperPayload(String tenantId, String eventId, String payload) throws Exception {
      db.tamper(tenantId, eventId, payload);
    }

    @Override
    protected List<DeadLetter> deadLetters() throws Exception {
      return db.deadLetters();
    }
  }

  @Nested
  class Timeline extends TimelineContract {
    final Sqlite db = new Sqlite();

    @Override
    protected EventStore createStore(Vertx vertx, StoreSettings settings) {
      return db.open(vertx, settings);
    }

    @Override
    protected void tamperPayload(String tenantId, String eventId, String payload) throws Exception {
      db.tamper(tenantId, eventId, payload);
    }

    @Override
    protected List<DeadLetter> deadLetters() throws Exception {
      return db.deadLetters();
    }
  }

  @Nested
  class Analytics extends AnalyticsContract {
    final Sqlite db = new Sqlite();

    @Override
    protected EventStore createStore(Vertx vertx, StoreSettings settings) {
      return db.open(vertx, settings);
    }

    @Override
    protected void tamperPayload(String tenantId, String eventId, String payload) throws Exception {
      db.tamper(tenantId, eventId, payload);
    }

    @Override
    protected List<DeadLetter> deadLetters() throws Exception {
      return db.deadLetters();
    }
  }

  @Nested
  class Rollups extends RollupContract {
    final Sqlite db = new Sqlite();

    @Override
    protected EventStore createStore(Vertx vertx, StoreSettings settings) {
      return db.open(vertx, settings);
    }

    @Override
    protected void tamperPayload(String tenantId, String eventId, String payload) throws Exception {
      db.tamper(tenantId, eventId, payload);
    }

    @Override
    protected List<DeadLetter> deadLetters() throws Exception {
      return db.deadLetters();
    }
  }

  @Nested
  class Alerts extends AlertsContract {
    final Sqlite db = new Sqlite();

    @Override
    protected EventStore createStore(Vertx vertx, StoreSettings settings) {
      return db.open(vertx, settings);
    }

    @Override
    protected void tamperPayload(String tenantId, String eventId, String payload) throws Exception {
      db.tamper(tenantId, eventId, payload);
    }

    @Override
    protected List<DeadLetter> deadLetters() throws Exception {
      return db.deadLetters();
    }
  }

  @Nested
  class Retention extends RetentionContract {
    final Sqlite db = new Sqlite();

    @Override
    protected EventStore createStore(Vertx vertx, StoreSettings settings) {
      return db.open(vertx, settings);
    }

    @Override
    protected void tamperPayload(String tenantId, String eventId, String payload) throws Exception {
      db.tamper(tenantId, eventId, payload);
    }

    @Override
    protected List<DeadLetter> deadLetters() throws Exception {
      return db.deadLetters();
    }
  }

  @Nested
  class Stats extends StatsContract {
    final Sqlite db = new Sqlite();

    @Override
    protected EventStore createStore(Vertx vertx, StoreSettings settings) {
      return db.open(vertx, settings);
    }

    @Override
    protected void tamperPayload(String tenantId, String eventId, String payload) throws Exception {
      db.tamper(tenantId, eventId, payload);
    }

    @Override
    protected List<DeadLetter> deadLetters() throws Exception {
      return db.deadLetters();
    }
  }

  @Nested
  class ConfigAndKeys extends ConfigAndKeysContract {
    final Sqlite db = new Sqlite();

    @Override
    protected EventStore createStore(Vertx vertx, StoreSettings settings) {
      return db.open(vertx, settings);
    }

    @Override
    protected void tamperPayload(String tenantId, String eventId, String payload) throws Exception {
      db.tamper(tenantId, eventId, payload);
    }

    @Override
    protected List<DeadLetter> deadLetters() throws Exception {
      return db.deadLetters();
    }
  }

  @Nested
  class TenantIsolation extends TenantIsolationContract {
    final Sqlite db = new Sqlite();

    @Override
    protected EventStore createStore(Vertx vertx, StoreSettings settings) {
      return db.open(vertx, settings);
    }

    @Override
    protected void tamperPayload(String tenantId, String eventId, String payload) throws Exception {
      db.tamper(tenantId, eventId, payload);
    }

    @Override
    protected List<DeadLetter> deadLetters() throws Exception {
      return db.deadLetters();
    }
  }
}
