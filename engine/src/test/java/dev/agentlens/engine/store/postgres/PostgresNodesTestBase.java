package dev.agentlens.engine.store.postgres;

import dev.agentlens.engine.store.EventStore;
import dev.agentlens.engine.store.StoreSettings;
import dev.agentlens.engine.testing.StoreHarness;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Tests that open several PostgreSQL stores (nodes) on a fresh database each: one Vert.x for the
 * class, every store opened through {@link #store} closed and the database dropped after each test.
 */
abstract class PostgresNodesTestBase {

  protected static Vertx vertx;

  protected PostgresTestDatabase db;
  private final List<EventStore> stores = new ArrayList<>();

  @BeforeAll
  static void startVertx() {
    PostgresTestDatabase.requireServer();
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void closeVertx() {
    if (vertx != null) {
      StoreHarness.await(vertx.close());
    }
    PostgresTestDatabase.closeAdmin();
  }

  @BeforeEach
  void newDatabase() {
    db = new PostgresTestDatabase();
  }

  @AfterEach
  void cleanUp() {
    for (EventStore s : stores) {
      s.close().toCompletionStage().toCompletableFuture().join();
    }
    stores.clear();
    db.dropAll();
  }

  /** A store (node) on {@code url}, not started yet, closed after the test. */
  protected EventStore store(String url) {
    EventStore s =
        new PostgresEventStore(vertx, url, 4, Duration.ofSeconds(30), StoreSettings.defaults());
    stores.add(s);
    return s;
  }

  /** Closes a store before the test ends (a node going away). */
  protected void close(EventStore s) {
    StoreHarness.await(s.close());
    stores.remove(s);
  }

  /** A started store (node) on {@code url}. */
  protected EventStore started(String url) {
    EventStore s = store(url);
    StoreHarness.await(s.start());
    return s;
  }
}
