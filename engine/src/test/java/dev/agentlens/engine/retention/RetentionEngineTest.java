package dev.agentlens.engine.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.engine.model.Agent;
import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.EventQuery;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.RetentionRun;
import dev.agentlens.engine.model.Timeline;
import dev.agentlens.engine.store.RetentionStore;
import dev.agentlens.engine.store.StoreSettings;
import dev.agentlens.engine.store.TimelineWalk;
import dev.agentlens.engine.store.sqlite.SqliteEventStore;
import dev.agentlens.engine.store.sqlite.SqliteSettings;
import dev.agentlens.engine.testing.MutableClock;
import dev.agentlens.engine.testing.StoreHarness;
import dev.agentlens.engine.testing.TestEvents;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retention engine on a real SQLite file with a clock the test controls: policy (config file,
 * config_kv at run time, 0 = keep), chunked purge to the end, anchors that keep the rest verifying,
 * emptied sessions removed, runs recorded, space reclaimed, runs serialized and scheduled.
 */
class RetentionEngineTest {

  private static final String TENANT = "tenant-a";
  private static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");

  /** 30 days before NOW. */
  private static final String CUTOFF = "2026-02-08T10:00:00.000Z";

  private static final Instant OLD = Instant.parse("2026-01-05T08:00:00Z");
  private static final Instant RECENT = Instant.parse("2026-03-01T08:00:00Z");

  @TempDir Path dir;
  private Vertx vertx;
  private MutableClock clock;
  private SqliteEventStore store;
  private StoreHarness harness;
  private TestEvents events;
  private String deployment;

  @BeforeEach
  void open() {
    vertx = Vertx.vertx();
    clock = new MutableClock(NOW);
    store =
        new SqliteEventStore(
            vertx, SqliteSettings.at(dir.resolve("t.db")), new StoreSettings(clock, 30));
    await(store.start());
    harness = new StoreHarness(store);
    events = new TestEvents(TENANT, OLD);
  }

  @AfterEach
  void close() {
    if (deployment != null) {
      await(vertx.undeploy(deployment));
    }
    await(store.close());
    await(vertx.close());
  }

  private RetentionEngine deploy(int days, RetentionStore retention) {
    return deploy(
        new RetentionSettings(days, Duration.ofHours(1), Duration.ofHours(1), 2, 64, 1.0),
        retention);
  }

  private RetentionEngine deploy(RetentionSettings settings, RetentionStore retention) {
    RetentionEngine engine = new RetentionEngine(retention, store.config(), settings, clock);
    deployment = await(vertx.deployVerticle(engine));
    return engine;
  }

  /**
   * s-mixed: three old events then two recent ones; s-old: all old (agent-old); s-new: all recent;
   * s-late: old, recent, then an old backdated one (only seq 1 may go).
   */
  private Fixture writeFixture() {
    Fixture f = new Fixture();
    f.mixed.addAll(
        harness
            .write(
                events.sessionStarted("s-mixed").at(OLD).build(),
                events.toolCall("s-mixed", "search").at(OLD.plusSeconds(60)).build(),
                events.toolResponse("s-mixed", "search", 12).at(OLD.plusSeconds(61)).build())
            .committed());
    f.old =
        harness
            .write(
                events.sessionStarted("s-old").agent("agent-old").at(OLD).build(),
                events.sessionEnded("s-old", "completed").agent("agent-old").at(OLD).build())
            .committed();
    f.recent =
        harness
            .write(
                events.sessionStarted("s-new").at(RECENT).build(),
                events.toolCall("s-new", "search").at(RECENT).build())
            .committed();
    f.late =
        harness
            .write(
                events.sessionStarted("s-late").at(OLD).build(),
                events.toolCall("s-late", "search").at(RECENT).build(),
                events.custom("s-late", "backdated").at(OLD.plusSeconds(5)).build())
            .committed();
    f.mixed.addAll(
        harness
            .write(
                events.toolCall("s-mixed", "search").at(RECENT).build(),
                events.toolResponse("s-mixed", "search", 9).at(RECENT.plusSeconds(1)).build())
            .committed());
    return f;
  }

  private static final class Fixture {
    final List<Event> mixed = new ArrayList<>();
    List<Event> old;
    List<Event> recent;
    List<Event> late;
  }

  // ---- what a run deletes -------------------------------------------------------------------

  @Test
  void aRunDeletesOnlyExpiredPrefixesInChunksAndTheRestStillVerifies() {
    Fixture f = writeFixture();
    RetentionEngine engine = deploy(30, store.retention());

    RetentionReport report = await(engine.runNow());

    RetentionRun run = report.run();
    assertThat(report.skipped()).isFalse();
    assertThat(report.retentionDays()).isEqualTo(30);
    assertThat(run.cutoff()).isEqualTo(CUTOFF);
    assertThat(run.eventsDeleted()).isEqualTo(6);
    assertThat(run.anchorsWritten()).as("chunks of 2 split s-mixed's prefix").isGreaterThan(3);
    assertThat(run.sessionsRemoved()).isEqualTo(1);
    assertThat(run.error()).isNull();
    assertThat(ids(allEvents()))
        .containsExactlyInAnyOrder(
            f.mixed.get(3).id(),
            f.mixed.get(4).id(),
            f.recent.get(0).id(),
            f.recent.get(1).id(),
            f.late.get(1).id(),
            f.late.get(2).id());
    for (String session : List.of("s-mixed", "s-new", "s-late")) {
      Timeline t = await(TimelineWalk.readAll(store.events(), TENANT, session)).orElseThrow();
      assertThat(t.chainValid()).as("chain of %s", session).isTrue();
    }
    assertThat(
            await(TimelineWalk.readAll(store.events(), TENANT, "s-mixed"))
                .orElseThrow()
                .events()
                .get(0))
        .isEqualTo(f.mixed.get(3));
    assertThat(await(store.sessions().get(TENANT, "s-old"))).isEmpty();
    assertThat(await(store.agents().list(TENANT))).extracting(Agent::id).contains("agent-old");
  }

  @Test
  void writesAfterARunContinueTheChain() {
    Fixture f = writeFixture();
    await(deploy(30, store.retention()).runNow());

    Event next =
        harness
            .write(events.sessionEnded("s-mixed", "completed").at(NOW).build())
            .committed()
            .get(0);

    assertThat(next.seq()).isEqualTo(6);
    assertThat(next.prevHash()).isEqualTo(f.mixed.get(4).hash());
    assertThat(
            await(TimelineWalk.readAll(store.events(), TENANT, "s-mixed"))
                .orElseThrow()
                .chainValid())
        .isTrue();
  }

  @Test
  void zeroDaysKeepsEverythingAndRecordsNoRun() {
    writeFixture();
    RetentionEngine engine = deploy(0, store.retention());

    RetentionReport report = await(engine.runNow());

    assertThat(report.skipped()).isTrue();
    assertThat(report.retentionDays()).isZero();
    assertThat(allEvents()).hasSize(12);
    assertThat(await(store.retention().runs(10))).isEmpty();
  }

  @Test
  void theConfigKvValueIsReadAtEachRunAndWinsOverTheConfigFile() {
    writeFixture();
    RetentionEngine engine = deploy(0, store.retention());

    await(store.config().put("retentionDays", "120"));
    RetentionReport longPolicy = await(engine.runNow());
    assertThat(longPolicy.retentionDays()).isEqualTo(120);
    assertThat(longPolicy.run().cutoff()).isEqualTo("2025-11-10T10:00:00.000Z");
    assertThat(longPolicy.run().eventsDeleted()).isZero();
    assertThat(allEvents()).hasSize(12);

    await(store.config().put("retentionDays", "30"));
    RetentionReport shortPolicy = await(engine.runNow());
    assertThat(shortPolicy.retentionDays()).isEqualTo(30);
    assertThat(shortPolicy.run().eventsDeleted()).isEqualTo(6);

    await(store.config().put("retentionDays", "0"));
    assertThat(await(engine.runNow()).skipped()).isTrue();
  }

  @Test
  void anUnusableConfigKvValueFallsBackToTheConfigFile() {
    writeFixture();
    RetentionEngine engine = deploy(30, store.retention());
    await(store.config().put("retentionDays", "soon"));

    RetentionReport report = await(engine.runNow());

    assertThat(report.retentionDays()).isEqualTo(30);
    assertThat(report.run().eventsDeleted()).isEqualTo(6);
  }

  @Test
  void theCutoffFollowsTheClock() {
    writeFixture();
    RetentionEngine engine = deploy(30, store.retention());
    clock.set(RECENT.plus(Duration.ofDays(30)));

    RetentionReport report = await(engine.runNow());

    assertThat(report.run().cutoff()).isEqualTo("2026-03-01T08:00:00.000Z");
    assertThat(report.run().eventsDeleted()).as("RECENT is not before the cutoff").isEqualTo(6);
    clock.advance(Duration.ofSeconds(2));
    RetentionRun later = await(engine.runNow()).run();
    assertThat(later.eventsDeleted()).as("RECENT and RECENT+1s now expired").isEqualTo(6);
    assertThat(later.sessionsRemoved()).isEqualTo(3);
    assertThat(allEvents()).isEmpty();
  }

  // ---- records ------------------------------------------------------------------------------

  @Test
  void everyRunIsRecordedWithItsCountsNewestFirst() {
    writeFixture();
    RetentionEngine engine = deploy(30, store.retention());
    RetentionRun first = await(engine.runNow()).run();
    clock.advance(Duration.ofMinutes(5));
    RetentionRun second = await(engine.runNow()).run();

    assertThat(first.startedAt()).isEqualTo("2026-03-10T10:00:00.000Z");
    assertThat(first.finishedAt()).isNotNull();
    assertThat(second.eventsDeleted()).isZero();
    assertThat(second.id()).isNotEqualTo(first.id());
    assertThat(await(store.retention().runs(10))).containsExactly(second, first);
  }

  @Test
  void aRunAskedForOnTheEventBusRepliesWithItsReport() {
    writeFixture();
    deploy(30, store.retention());

    Message<Object> reply = await(vertx.eventBus().request(RetentionEngine.RUN_ADDRESS, null));

    assertThat(reply.body()).isInstanceOf(RetentionReport.class);
    assertThat(((RetentionReport) reply.body()).run().eventsDeleted()).isEqualTo(6);
  }

  // ---- scheduling ---------------------------------------------------------------------------

  @Test
  void runsByItselfShortlyAfterStartAndThenEveryInterval() {
    writeFixture();
    deploy(
        new RetentionSettings(30, Duration.ofMillis(200), Duration.ofMillis(20), 5000, 64, 1.0),
        store.retention());

    waitFor("two scheduled runs", () -> await(store.retention().runs(10)).size() >= 2);

    List<RetentionRun> runs = await(store.retention().runs(10));
    assertThat(runs.stream().mapToLong(RetentionRun::eventsDeleted).sum()).isEqualTo(6);
    assertThat(allEvents()).hasSize(6);
  }

  @Test
  void onDemandRunsQueueBehindTheRunInProgress() {
    writeFixture();
    GatedRetentionStore gated = new GatedRetentionStore(store.retention());
    RetentionEngine engine = deploy(30, gated);

    Future<RetentionReport> first = engine.runNow();
    waitFor("the first run purging", () -> gated.chunksWaiting() == 1);
    Future<RetentionReport> second = engine.runNow();
    assertThat(await(store.retention().runs(10))).hasSize(1);
    assertThat(second.isComplete()).isFalse();
    assertThat(gated.chunksWaiting()).as("the second run has not started").isEqualTo(1);
    gated.open();

    RetentionRun a = await(first).run();
    RetentionRun b = await(second).run();
    assertThat(a.eventsDeleted()).isEqualTo(6);
    assertThat(b.eventsDeleted()).isZero();
    assertThat(b.id()).isGreaterThan(a.id());
    assertThat(await(store.retention().runs(10))).containsExactly(b, a);
  }

  @Test
  void stoppingDuringARunEndsItAfterTheCurrentChunkAndRecordsThat() {
    writeFixture();
    GatedRetentionStore gated = new GatedRetentionStore(store.retention());
    RetentionEngine engine = deploy(30, gated);
    Future<RetentionReport> run = engine.runNow();
    waitFor("the run purging", () -> gated.chunksWaiting() == 1);

    Future<Void> undeployed = vertx.undeploy(deployment);
    deployment = null;
    gated.open();
    await(undeployed);

    RetentionRun recorded = await(run).run();
    assertThat(recorded.eventsDeleted()).isEqualTo(2);
    assertThat(recorded.error()).isEqualTo("stopped by shutdown before it finished");
    assertThat(await(store.retention().runs(10))).containsExactly(recorded);
    assertThat(gated.chunksWaiting()).isEqualTo(1);
  }

  // ---- space --------------------------------------------------------------------------------

  @Test
  void aLargePurgeGivesTheFreePagesBackToTheFileSystem() throws Exception {
    List<IngestEvent> batch = new ArrayList<>();
    String padding = "x".repeat(4000);
    for (int i = 0; i < 3000; i++) {
      batch.add(
          events
              .custom("big-" + (i % 30), "bulk")
              .with("pad", padding)
              .at(OLD.plusSeconds(i))
              .build());
    }
    harness.write(batch);
    checkpoint();
    long sizeBefore = Files.size(dir.resolve("t.db"));
    RetentionEngine engine =
        deploy(
            new RetentionSettings(30, Duration.ofHours(1), Duration.ofHours(1), 500, 64, 1.0),
            store.retention());

    RetentionReport report = await(engine.runNow());

    assertThat(report.run().eventsDeleted()).isEqualTo(3000);
    assertThat(report.pagesReclaimed()).as("8 KiB pages").isGreaterThan(1000);
    assertThat(freePages()).isZero();
    checkpoint();
    assertThat(Files.size(dir.resolve("t.db"))).isLessThan(sizeBefore / 2);
    assertThat(await(store.retention().reclaimSpace(64))).isZero();
  }

  private long freePages() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA freelist_count")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Copies the WAL into the main file so its size shows the truncation. */
  private void checkpoint() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"));
        Statement s = c.createStatement()) {
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  private List<Event> allEvents() {
    return await(store.events().query(EventQuery.all(TENANT))).items();
  }

  private static List<String> ids(List<Event> list) {
    return list.stream().map(Event::id).toList();
  }

  private static <T> T await(Future<T> f) {
    return StoreHarness.await(f);
  }

  private static void waitFor(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      LockSupport.parkNanos(2_000_000);
    }
  }
}
