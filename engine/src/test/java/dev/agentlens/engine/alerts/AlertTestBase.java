package dev.agentlens.engine.alerts;

import dev.agentlens.engine.model.AlertCondition;
import dev.agentlens.engine.model.AlertHistory;
import dev.agentlens.engine.model.AlertRule;
import dev.agentlens.engine.model.AlertScope;
import dev.agentlens.engine.model.Timestamps;
import dev.agentlens.engine.store.AlertStore;
import dev.agentlens.engine.store.StoreSettings;
import dev.agentlens.engine.store.sqlite.SqliteEventStore;
import dev.agentlens.engine.store.sqlite.SqliteSettings;
import dev.agentlens.engine.testing.MutableClock;
import dev.agentlens.engine.testing.StoreHarness;
import dev.agentlens.engine.testing.TestEvents;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real SQLite store, a clock the test moves, and an alert engine deployed on it whose timer never
 * fires during a test (cycles are run with {@link AlertEngine#evaluate}).
 */
abstract class AlertTestBase {

  static final String TENANT = "tenant-a";
  static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");

  @TempDir Path dir;
  Vertx vertx;
  MutableClock clock;
  SqliteEventStore store;
  StoreHarness harness;
  TestEvents events;
  AlertEngine engine;
  String deployment;
  final List<AlertNotice> notices = new CopyOnWriteArrayList<>();
  private final AtomicInteger ruleIds = new AtomicInteger();

  @BeforeEach
  void openStore() {
    vertx = Vertx.vertx();
    clock = new MutableClock(NOW);
    store =
        new SqliteEventStore(
            vertx, SqliteSettings.at(dir.resolve("alerts.db")), new StoreSettings(clock, 30));
    await(store.start());
    harness = new StoreHarness(store);
    events = new TestEvents(TENANT, NOW.minus(Duration.ofMinutes(30)));
  }

  @AfterEach
  void closeStore() {
    if (deployment != null) {
      await(vertx.undeploy(deployment));
    }
    await(store.close());
    await(vertx.close());
  }

  /** Deploys the engine with webhook retries after 10 ms, 20 ms, 40 ms. */
  AlertEngine deploy(boolean allowPrivateTargets, Duration webhookTimeout, AlertStore alerts) {
    AlertSettings settings =
        new AlertSettings(
            Duration.ofHours(1), allowPrivateTargets, webhookTimeout, 3, Duration.ofMillis(10));
    engine = new AlertEngine(alerts, store.analytics(), settings, clock);
    engine.addListener(notices::add);
    deployment = await(vertx.deployVerticle(engine));
    return engine;
  }

  AlertEngine deploy() {
    return deploy(true, Duration.ofSeconds(10), store.alerts());
  }

  AlertRule rule(
      String tenant,
      AlertCondition condition,
      double threshold,
      int windowMinutes,
      AlertScope scope,
      List<String> channels) {
    String stamp = Timestamps.format(clock.instant());
    AlertRule r =
        new AlertRule(
            "rule-" + ruleIds.incrementAndGet(),
            condition.wire() + " " + threshold,
            true,
            condition,
            threshold,
            windowMinutes,
            scope,
            channels,
            stamp,
            stamp,
            tenant);
    await(store.alerts().createRule(r));
    return r;
  }

  AlertRule rule(AlertCondition condition, double threshold, int windowMinutes) {
    return rule(TENANT, condition, threshold, windowMinutes, AlertScope.ALL, List.of());
  }

  CycleReport cycle() {
    return await(engine.evaluate());
  }

  List<AlertHistory> history(AlertRule rule) {
    return await(store.alerts().history(rule.tenantId(), rule.id(), 500, 0)).items();
  }

  static <T> T await(Future<T> f) {
    return StoreHarness.await(f);
  }

  static void waitFor(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      LockSupport.parkNanos(2_000_000);
    }
  }
}
