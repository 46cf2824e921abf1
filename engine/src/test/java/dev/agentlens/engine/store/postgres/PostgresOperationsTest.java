package dev.agentlens.engine.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.engine.config.ConfigException;
import dev.agentlens.engine.model.ChainReport;
import dev.agentlens.engine.model.DrainBatch;
import dev.agentlens.engine.model.EventQuery;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.WriteResult;
import dev.agentlens.engine.store.EventStore;
import dev.agentlens.engine.store.TransientStoreException;
import dev.agentlens.engine.testing.StoreHarness;
import dev.agentlens.engine.testing.TestEvents;
import io.vertx.core.Future;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What only the PostgreSQL backend has to show: startup failures in one line, migrations shared by
 * nodes, the append-only triggers, failure classification, surviving the database going away, and
 * several writers on one database chaining one session together.
 */
class PostgresOperationsTest extends PostgresNodesTestBase {

  private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  // ---- startup -------------------------------------------------------------------------------

  @Test
  void aUrlThatIsNotPostgresqlFailsInOneLineBeforeStarting() {
    Throwable t = catchFailure(() -> store("mysql://db.example.com/agentlens"));

    assertThat(t).isInstanceOf(ConfigException.class).hasMessageContaining("DATABASE_URL");
    assertThat(t.getMessage()).doesNotContain("\n").doesNotContain("mysql");
  }

  @Test
  void anUnreachableServerFailsStartInOneLine() throws Exception {
    int port = closedPort();
    EventStore s = store(PostgresTestDatabase.urlVia("127.0.0.1", port, "agentlens", null));

    Throwable t = StoreHarness.awaitFailure(s.start());

    assertThat(t)
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("cannot reach PostgreSQL at 127.0.0.1:" + port + "/agentlens");
    assertThat(t.getMessage()).doesNotContain("\n");
  }

  @Test
  void aMissingDatabaseFailsStartInOneLine() {
    PgConnectOptions o = PgConnectOptions.fromUri(PostgresTestDatabase.URL);
    EventStore s =
        store(
            PostgresTestDatabase.urlVia(
                o.getHost(), o.getPort(), "agentlens_no_such_database", null));

    Throwable t = StoreHarness.awaitFailure(s.start());

    assertThat(t)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("refused")
        .hasMessageContaining("agentlens_no_such_database");
    assertThat(t.getMessage()).doesNotContain("\n");
  }

  // ---- migrations ----------------------------------------------------------------------------

  @Test
  void nodesStartingTogetherMigrateOnce() {
    String url = db.newSchemaUrl();

    StoreHarness.await(Future.all(store(url).start(), store(url).start(), store(url).start()));

    assertThat(db.rows(db.schema(), "SELECT version, name FROM schema_migrations", Tuple.tuple()))
        .extracting(r -> r.getInteger(0) + " " + r.getString(1))
        .containsExactly("1 V1__schema.sql", "2 V2__engine_leases.sql", "3 V3__event_rollups.sql");
    StoreHarness.await(store(url).start());
  }

  @Test
  void aDatabaseNewerThanTheBuildIsRefused() {
    String url = db.newSchemaUrl();
    StoreHarness.await(store(url).start());
    db.rows(
        db.schema(),
        "INSERT INTO schema_migrations VALUES (4, 'V4__future.sql', '2030-01-01')",
        Tuple.tuple());

    Throwable t = StoreHarness.awaitFailure(store(url).start());

    assertThat(t).isInstanceOf(ConfigException.class).hasMessageContaining("newer than this build");
  }

  // ---- append-only ---------------------------------------------------------------------------

  @Test
  void eventsCannotBeUpdatedDeletedOrTruncated() {
    EventStore s = store(db.newSchemaUrl());
    StoreHarness.await(s.start());
    IngestEvent e = new TestEvents("t", T0).toolCall("s1", "search").build();
    new StoreHarness(s).write(e);

    assertThat(refusal("UPDATE events SET payload = '{}'")).contains("events are append-only");
    assertThat(refusal("DELETE FROM events")).contains("events are deleted only by retention");
    assertThat(refusal("TRUNCATE events")).contains("events are append-only");
    assertThat(StoreHarness.await(s.events().count(EventQuery.all("t")))).isEqualTo(1L);
  }

  private String refusal(String sql) {
    Throwable t = catchFailure(() -> db.rows(db.schema(), sql, Tuple.tuple()));
    assertThat(t).isInstanceOf(PgException.class);
    return t.getMessage();
  }

  // ---- failures ------------------------------------------------------------------------------

  @Test
  void unavailabilityIsTransientAndEverythingElsePermanent() {
    assertThat(PostgresDatabase.classify(pg("57P01"))).isInstanceOf(TransientStoreException.class);
    assertThat(PostgresDatabase.classify(pg("08006"))).isInstanceOf(TransientStoreException.class);
    assertThat(PostgresDatabase.classify(pg("40P01"))).isInstanceOf(TransientStoreException.class);
    assertThat(PostgresDatabase.classify(pg("53100"))).isInstanceOf(TransientStoreException.class);
    assertThat(PostgresDatabase.classify(pg("57014"))).isInstanceOf(TransientStoreException.class);
    assertThat(PostgresDatabase.classify(ClosedConnectionException.INSTANCE))
        .isInstanceOf(TransientStoreException.class);
    assertThat(PostgresDatabase.classify(new ConnectException("Connection refused")))
        .isInstanceOf(TransientStoreException.class);
    assertThat(
            PostgresDatabase.classify(
                VertxException.noStackTrace(
                    "Connection is not active now, current status: CLOSED")))
        .isInstanceOf(TransientStoreException.class);
    assertThat(PostgresDatabase.classify(VertxException.noStackTrace("Pool closed")))
        .isInstanceOf(TransientStoreException.class);

    assertThat(PostgresDatabase.classify(pg("23505")))
        .isNotInstanceOf(TransientStoreException.class)
        .hasMessageContaining("postgresql");
    assertThat(PostgresDatabase.classify(pg("22021")))
        .isNotInstanceOf(TransientStoreException.class);
    assertThat(PostgresDatabase.classify(pg("P0001")))
        .isNotInstanceOf(TransientStoreException.class);
  }

  private static PgException pg(String state) {
    return new PgException("boom", "ERROR", state, null);
  }

  @Test
  void whileTheDatabaseIsAwayWritesFailTransientlyAndNothingIsHalfDone() {
    String url = db.newSchemaUrl();
    StoreHarness.await(store(url).start());
    PgConnectOptions o = PgConnectOptions.fromUri(PostgresTestDatabase.URL);
    TcpProxy proxy = new TcpProxy(vertx, o.getHost(), o.getPort()).restore();
    EventStore s =
        store(
            PostgresTestDatabase.urlVia(
                "127.0.0.1", proxy.port(), PostgresTestDatabase.database(), db.schema()));
    StoreHarness.await(s.start());
    TestEvents events = new TestEvents("t", T0);
    WriteResult first =
        StoreHarness.await(
            s.write(new DrainBatch(List.of(events.sessionStarted("s1").build()), "n", 1)));

    proxy.cut();
    DrainBatch during =
        new DrainBatch(
            List.of(events.toolCall("s1", "search").build(), events.toolCall("s2", "x").build()),
            "n",
            2);
    assertThat(StoreHarness.awaitFailure(s.write(during)))
        .isInstanceOf(TransientStoreException.class);
    assertThat(StoreHarness.awaitFailure(s.ping())).isInstanceOf(TransientStoreException.class);

    proxy.restore();
    WriteResult retried = StoreHarness.await(s.write(during));
    StoreHarness.await(s.ping());
    assertThat(retried.committed().get(0).seq()).isEqualTo(2);
    assertThat(retried.committed().get(0).prevHash()).isEqualTo(first.committed().get(0).hash());
    assertThat(StoreHarness.await(s.checkpoint("n"))).isEqualTo(2L);
    assertThat(StoreHarness.await(s.events().count(EventQuery.all("t")))).isEqualTo(3L);
    proxy.cut();
  }

  // ---- several nodes -------------------------------------------------------------------------

  @Test
  void writersOnSeveralNodesInterleaveIntoOneValidChainPerSession() throws Exception {
    String url = db.newSchemaUrl();
    EventStore nodeA = store(url);
    EventStore nodeB = store(url);
    StoreHarness.await(Future.all(nodeA.start(), nodeB.start()));
    int writers = 4;
    int batches = 25;
    int sessions = 20;
    CyclicBarrier go = new CyclicBarrier(writers);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<java.util.concurrent.Future<?>> done = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      EventStore node = w % 2 == 0 ? nodeA : nodeB;
      String nodeId = "node-" + w;
      TestEvents te = new TestEvents("t", T0.plusSeconds(w));
      done.add(
          pool.submit(
              () -> {
                go.await();
                for (int b = 1; b <= batches; b++) {
                  List<IngestEvent> batch = new ArrayList<>();
                  for (int i = 0; i < sessions * 2; i++) {
                    // Each writer walks the sessions in its own order.
                    int k = (i * (2 * nodeId.hashCode() + 1) + b) % sessions;
                    batch.add(
                        te.toolCall("s" + Math.floorMod(k, sessions), "search")
                            .agent("agent-" + (i % 3))
                            .build());
                  }
                  StoreHarness.await(node.write(new DrainBatch(batch, nodeId, b)));
                }
                return null;
              }));
    }
    for (java.util.concurrent.Future<?> f : done) {
      f.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();

    long total = (long) writers * batches * sessions * 2;
    assertThat(StoreHarness.await(nodeA.events().count(EventQuery.all("t")))).isEqualTo(total);
    long perSession = 0;
    for (int i = 0; i < sessions; i++) {
      ChainReport r = StoreHarness.await(nodeB.events().verifySession("t", "s" + i));
      assertThat(r.brokenChains()).as("s%d", i).isEmpty();
      assertThat(StoreHarness.await(nodeA.sessions().get("t", "s" + i)).orElseThrow().eventCount())
          .isEqualTo(r.totalEvents());
      perSession += r.totalEvents();
    }
    assertThat(perSession).isEqualTo(total);
    for (int w = 0; w < writers; w++) {
      assertThat(StoreHarness.await(nodeA.checkpoint("node-" + w))).isEqualTo(batches);
    }
    List<Row> seqs =
        db.rows(
            db.schema(),
            "SELECT session_id, count(*), max(seq), count(DISTINCT prev_hash) FROM events"
                + " GROUP BY session_id",
            Tuple.tuple());
    for (Row r : seqs) {
      assertThat(r.getLong(2)).as("contiguous seq in %s", r.getString(0)).isEqualTo(r.getLong(1));
    }
    // Every writer added to the same few rollup rows; none overwrote another's increment.
    PostgresRollupsTest.assertRollupsAreARecount(db);
  }

  private static Throwable catchFailure(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("expected a failure");
  }
}
