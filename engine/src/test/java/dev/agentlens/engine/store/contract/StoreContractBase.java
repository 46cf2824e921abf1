package dev.agentlens.engine.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.engine.model.DeadLetter;
import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.EventQuery;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.Page;
import dev.agentlens.engine.model.Session;
import dev.agentlens.engine.model.SortOrder;
import dev.agentlens.engine.model.WriteResult;
import dev.agentlens.engine.store.EventStore;
import dev.agentlens.engine.store.StoreSettings;
import dev.agentlens.engine.testing.MutableClock;
import dev.agentlens.engine.testing.StoreHarness;
import dev.agentlens.engine.testing.TestEvents;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of every storage contract (DESIGN.md "Tests"): one {@link Vertx} per test class, a fresh
 * empty store per test opened through the backend's factory, a clock the test controls, and helpers
 * that write drain batches and wait for futures. A backend runs the whole suite with
 * {@code @Nested} subclasses that implement the hooks below and nothing else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreContractBase {

  protected static final String TENANT = "tenant-a";
  protected static final String OTHER_TENANT = "tenant-b";

  /** The store clock's start and the first auto timestamp: Tuesday 2026-03-10, ISO week 11. */
  protected static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

  protected static final int IDLE_MINUTES = 30;

  protected Vertx vertx;
  protected MutableClock clock;
  protected EventStore store;
  protected StoreHarness harness;

  /** Events of {@link #TENANT}, auto timestamps from {@link #T0} one second apart. */
  protected TestEvents events;

  /** Events of {@link #OTHER_TENANT}, same auto timestamps. */
  protected TestEvents otherEvents;

  /**
   * Opens (but does not start) a store on a new, empty database. Called once per test; the base
   * starts and closes it.
   */
  protected abstract EventStore createStore(Vertx vertx, StoreSettings settings) throws Exception;

  /**
   * Replaces the stored payload text of one event of the store last created, going around the
   * append-only triggers (what an attacker with file access could do).
   */
  protected abstract void tamperPayload(String tenantId, String eventId, String newPayload)
      throws Exception;

  /** Every dead letter of the store last created, in insertion order. */
  protected abstract List<DeadLetter> deadLetters() throws Exception;

  @BeforeAll
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  void closeVertx() {
    if (vertx != null) {
      await(vertx.close());
    }
  }

  @BeforeEach
  void openStore() throws Exception {
    clock = new MutableClock(T0);
    store = createStore(vertx, new StoreSettings(clock, IDLE_MINUTES));
    await(store.start());
    harness = new StoreHarness(store);
    events = new TestEvents(TENANT, T0);
    otherEvents = new TestEvents(OTHER_TENANT, T0);
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      await(store.close());
      store = null;
    }
  }

  protected static <T> T await(Future<T> future) {
    return StoreHarness.await(future);
  }

  /** Commits the events as one drain batch. */
  protected WriteResult write(IngestEvent... batch) {
    return harness.write(batch);
  }

  protected WriteResult write(List<IngestEvent> batch) {
    return harness.write(batch);
  }

  /** A query of every event of the tenant, ascending, one big page. */
  protected static EventQuery allAsc(String tenantId) {
    return new EventQuery(
        tenantId, null, null, null, null, null, null, null, false, SortOrder.ASC, 500, 0);
  }

  /** Every stored event of the tenant in (timestamp, id) order. */
  protected List<Event> storedEvents(String tenantId) {
    Page<Event> page = await(store.events().query(allAsc(tenantId)));
    return page.items();
  }

  protected Session session(String tenantId, String id) {
    Optional<Session> s = await(store.sessions().get(tenantId, id));
    assertThat(s).as("session %s of %s", id, tenantId).isPresent();
    return s.get();
  }

  protected static List<String> ids(List<Event> list) {
    return list.stream().map(Event::id).toList();
  }

  protected static List<String> idsOf(IngestEvent... list) {
    return Arrays.stream(list).map(IngestEvent::id).toList();
  }
}
