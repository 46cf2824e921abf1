package dev.agentlens.engine.store.postgres;

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
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;

/**
 * The storage contract suite against a real PostgreSQL (see {@link PostgresTestDatabase} for where
 * it is found), one fresh schema per test. No contract is skipped or overridden.
 */
class PostgresStoreTest {

  private static final List<Pg> OPENED = new ArrayList<>();

  @AfterAll
  static void dropSchemas() {
    synchronized (OPENED) {
      OPENED.forEach(Pg::dropAll);
      OPENED.clear();
    }
    PostgresTestDatabase.closeAdmin();
  }

  /** The backend hooks of one @Nested contract class: its current schema. */
  static final class Pg {
    private PostgresTestDatabase db;

    EventStore open(Vertx vertx, StoreSettings settings) {
      PostgresTestDatabase.requireServer();
      if (db == null) {
        db = new PostgresTestDatabase();
        synchronized (OPENED) {
          OPENED.add(this);
        }
      } else {
        // The previous test's store is closed by now; its schema can go.
        db.dropAll();
      }
      return new PostgresEventStore(vertx, db.newSchemaUrl(), 4, Duration.ofSeconds(30), settings);
    }

    void dropAll() {
      if (db != null) {
        db.dropAll();
      }
    }

    /** Goes around the append-only trigger as someone with table-owner rights could. */
    void tamper(String tenantId, String eventId, String newPayload) {
      long updated =
          db.inTransaction(
              db.schema(),
              c ->
                  c.query("ALTER TABLE events DISABLE TRIGGER events_append_only_update")
                      .execute()
                      .compose(
                          v ->
                              c.preparedQuery(
                                      "UPDATE events SET payload = $1 WHERE tenant_id = $2 AND id ="
                                          + " $3")
                                  .execute(Tuple.of(newPayload, tenantId, eventId)))
                      .compose(
                          r ->
                              c.query("ALTER TABLE events ENABLE TRIGGER events_append_only_update")
                                  .execute()
                                  .map((long) r.rowCount())));
      if (updated != 1) {
        throw new IllegalStateException("no event " + eventId + " in " + tenantId);
      }
    }

    List<DeadLetter> deadLetters() {
      List<DeadLetter> out = new ArrayList<>();
      for (Row r :
          db.rows(
              db.schema(),
              "SELECT id, tenant_id, event_id, reason, event_json, created_at"
                  + " FROM dead_letters ORDER BY id",
              Tuple.tuple())) {
        out.add(
            new DeadLetter(
                r.getLong(0),
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                r.getString(5)));
      }
      return out;
    }
  }

  @Nested
  class Writes extends WritesContract {
    final Pg db = new Pg();

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
    final Pg db = new Pg();

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
    final Pg db = new Pg();

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
    final Pg db = new Pg();

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
    final Pg db = new Pg();

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
    final Pg db = new Pg();

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
    final Pg db = new Pg();

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
    final Pg db = new Pg();

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
    final Pg db = new Pg();

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
    final Pg db = new Pg();

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
    final Pg db = new Pg();

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
    final Pg db = new Pg();

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
