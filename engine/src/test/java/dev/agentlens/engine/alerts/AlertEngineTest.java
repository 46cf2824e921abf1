package dev.agentlens.engine.alerts;

import static dev.agentlens.engine.model.AlertCondition.COST_EXCEEDS;
import static dev.agentlens.engine.model.AlertCondition.ERROR_RATE_EXCEEDS;
import static dev.agentlens.engine.model.AlertCondition.EVENT_COUNT_EXCEEDS;
import static dev.agentlens.engine.model.AlertCondition.LATENCY_EXCEEDS;
import static dev.agentlens.engine.model.AlertCondition.NO_EVENTS_FOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.engine.model.AlertHistory;
import dev.agentlens.engine.model.AlertRule;
import dev.agentlens.engine.model.AlertScope;
import dev.agentlens.engine.model.Severity;
import dev.agentlens.engine.model.Timestamps;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Evaluation with an injectable clock on a real SQLite store: the five conditions of reference §7.2
 * (each fires and stays quiet), scope by agent and tags, windows, de-duplication per window,
 * resolution, deleted and disabled rules, tenants, listeners, and cycles that never overlap.
 */
class AlertEngineTest extends AlertTestBase {

  private static final String WINDOW_60 = " in the last 60m";

  /**
   * Within the last 60 minutes, agent-1's session s1 (tagged prod): 2 tool responses (100 ms, 300
   * ms), 1 tool error, 2 cost_tracked (0.25 + 0.262 USD) and its start: 6 events, 1 error. Also an
   * OTLP metric (excluded), and three errors two hours ago (outside every 60-minute window).
   */
  private void writeWindowFixture() {
    harness.write(
        events.toolError("s0", "search", 10).at(NOW.minus(Duration.ofHours(2))).build(),
        events.toolError("s0", "search", 10).at(NOW.minus(Duration.ofHours(2))).build(),
        events.toolError("s0", "search", 10).at(NOW.minus(Duration.ofHours(2))).build());
    harness.write(
        events.sessionStarted("s1").tags("prod").build(),
        events.toolResponse("s1", "search", 100).build(),
        events.toolResponse("s1", "search", 300).build(),
        events.toolError("s1", "search", 3000).build(),
        events.costTracked("s1", "openai", "gpt-4o", 100, 10, 0.25).build(),
        events.costTracked("s1", "openai", "gpt-4o", 100, 10, 0.262).build(),
        events.otlpMetric("s1", "queue.depth", 7).build());
  }

  @Test
  void eachConditionFiresAboveItsThresholdAndStaysQuietAtIt() {
    writeWindowFixture();
    AlertRule errorRate = rule(ERROR_RATE_EXCEEDS, 0.1, 60);
    AlertRule errorRateQuiet = rule(ERROR_RATE_EXCEEDS, 0.2, 60);
    AlertRule cost = rule(COST_EXCEEDS, 0.5, 60);
    AlertRule costQuiet = rule(COST_EXCEEDS, 0.6, 60);
    AlertRule latency = rule(LATENCY_EXCEEDS, 150, 60);
    AlertRule latencyQuiet = rule(LATENCY_EXCEEDS, 200, 60);
    AlertRule count = rule(EVENT_COUNT_EXCEEDS, 5, 60);
    AlertRule countQuiet = rule(EVENT_COUNT_EXCEEDS, 6, 60);
    AlertRule silence = rule(TENANT, NO_EVENTS_FOR, 0, 60, agent("agent-idle"), List.of());
    AlertRule silenceQuiet = rule(NO_EVENTS_FOR, 0, 60);
    deploy();

    CycleReport report = cycle();

    assertThat(report).isEqualTo(new CycleReport(false, 10, 5, 0, 0, 0));
    assertFired(errorRate, 1.0 / 6, "Error rate 16.7% exceeds threshold 10.0%" + WINDOW_60);
    assertFired(cost, 0.25 + 0.262, "Cost $0.5120 exceeds threshold $0.5000" + WINDOW_60);
    assertFired(latency, 200, "Average latency 200ms exceeds threshold 150ms" + WINDOW_60);
    assertFired(count, 6, "Event count 6 exceeds threshold 5" + WINDOW_60);
    assertFired(silence, 0, "No events received" + WINDOW_60);
    for (AlertRule quiet :
        List.of(errorRateQuiet, costQuiet, latencyQuiet, countQuiet, silenceQuiet)) {
      assertThat(history(quiet)).as(quiet.name()).isEmpty();
    }
  }

  private void assertFired(AlertRule rule, double value, String message) {
    List<AlertHistory> h = history(rule);
    assertThat(h).as(rule.name()).hasSize(1);
    AlertHistory row = h.get(0);
    assertThat(row.ruleId()).isEqualTo(rule.id());
    assertThat(row.tenantId()).isEqualTo(rule.tenantId());
    assertThat(row.triggeredAt()).isEqualTo(Timestamps.format(NOW));
    assertThat(row.resolvedAt()).isNull();
    assertThat(row.currentValue()).isCloseTo(value, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(row.threshold()).isEqualTo(rule.threshold());
    assertThat(row.message()).isEqualTo(message);
  }

  @Test
  void theWindowEndsAtTheClockAndReachesBackWindowMinutes() {
    writeWindowFixture();
    AlertRule shortWindow = rule(EVENT_COUNT_EXCEEDS, 0, 5);
    AlertRule hours = rule(ERROR_RATE_EXCEEDS, 0.4, 180);
    deploy();

    cycle();

    assertThat(history(shortWindow)).as("the fixture is about 30 minutes old").isEmpty();
    assertThat(history(hours)).hasSize(1);
    assertThat(history(hours).get(0).message())
        .isEqualTo("Error rate 44.4% exceeds threshold 40.0% in the last 180m");
  }

  @Test
  void scopeTagsRestrictToSessionsCarryingAnyOfThem() {
    events.defaultAgent("agent-1");
    harness.write(
        events.sessionStarted("prod-1").tags("prod", "eu").severity(Severity.ERROR).build(),
        events.toolError("prod-1", "search", 5).build(),
        events.sessionStarted("dev-1").tags("dev").build(),
        events.toolCall("dev-1", "search").build(),
        events.sessionStarted("untagged").build(),
        events.toolCall("untagged", "search").build());
    AlertRule prod = rule(TENANT, ERROR_RATE_EXCEEDS, 0.9, 60, tags("prod"), List.of());
    AlertRule dev = rule(TENANT, ERROR_RATE_EXCEEDS, 0, 60, tags("dev"), List.of());
    AlertRule either = rule(TENANT, ERROR_RATE_EXCEEDS, 0.4, 60, tags("dev", "eu"), List.of());
    AlertRule eitherQuiet = rule(TENANT, ERROR_RATE_EXCEEDS, 0.5, 60, tags("eu", "dev"), List.of());
    AlertRule none = rule(TENANT, EVENT_COUNT_EXCEEDS, 0, 60, tags("staging"), List.of());
    AlertRule unscoped = rule(ERROR_RATE_EXCEEDS, 0.3, 60);
    deploy();

    cycle();

    assertThat(history(prod).get(0).currentValue()).isEqualTo(1.0);
    assertThat(history(dev)).isEmpty();
    assertThat(history(either).get(0).currentValue()).isEqualTo(0.5);
    assertThat(history(eitherQuiet)).isEmpty();
    assertThat(history(none)).isEmpty();
    assertThat(history(unscoped).get(0).currentValue()).isCloseTo(2.0 / 6, within());
  }

  @Test
  void scopeAgentAndTagsMustBothHold() {
    harness.write(
        events.sessionStarted("a1").agent("agent-1").tags("prod").build(),
        events.toolCall("a1", "search").agent("agent-1").build(),
        events.sessionStarted("a2").agent("agent-2").tags("dev").build(),
        events.toolCall("a2", "search").agent("agent-2").build(),
        events.toolCall("a2", "search").agent("agent-2").build());
    AlertRule agentOnly =
        rule(TENANT, EVENT_COUNT_EXCEEDS, 2, 60, new AlertScope("agent-2", null), List.of());
    AlertRule both =
        rule(
            TENANT,
            EVENT_COUNT_EXCEEDS,
            0,
            60,
            new AlertScope("agent-2", List.of("prod")),
            List.of());
    AlertRule match =
        rule(
            TENANT,
            EVENT_COUNT_EXCEEDS,
            1,
            60,
            new AlertScope("agent-1", List.of("prod")),
            List.of());
    deploy();

    cycle();

    assertThat(history(agentOnly).get(0).currentValue()).isEqualTo(3);
    assertThat(history(both)).as("agent-2 has no prod session").isEmpty();
    assertThat(history(match).get(0).currentValue()).isEqualTo(2);
  }

  @Test
  void eachTenantSeesOnlyItsOwnEvents() {
    writeWindowFixture();
    AlertRule mine = rule(EVENT_COUNT_EXCEEDS, 0, 60);
    AlertRule theirs = rule("tenant-b", EVENT_COUNT_EXCEEDS, 0, 60, AlertScope.ALL, List.of());
    AlertRule theirSilence = rule("tenant-b", NO_EVENTS_FOR, 0, 60, AlertScope.ALL, List.of());
    deploy();

    cycle();

    assertThat(history(mine)).hasSize(1);
    assertThat(history(theirs)).isEmpty();
    assertThat(history(theirSilence)).hasSize(1);
    assertThat(history(theirSilence).get(0).tenantId()).isEqualTo("tenant-b");
  }

  // ---- de-duplication and resolution ---------------------------------------------------------

  @Test
  void aFiringRuleIsDeduplicatedWithinItsWindowAndFiresAgainAfterIt() {
    AlertRule silence = rule(NO_EVENTS_FOR, 0, 60);
    deploy();
    cycle();
    clock.advance(Duration.ofMinutes(59));

    assertThat(cycle()).isEqualTo(new CycleReport(false, 1, 0, 1, 0, 0));
    assertThat(history(silence)).hasSize(1);

    clock.advance(Duration.ofMinutes(2));
    assertThat(cycle().triggered()).isEqualTo(1);
    List<AlertHistory> h = history(silence);
    assertThat(h)
        .extracting(AlertHistory::triggeredAt)
        .containsExactly("2026-03-10T11:01:00.000Z", "2026-03-10T10:00:00.000Z");
    assertThat(h).allMatch(row -> row.resolvedAt() == null);
  }

  @Test
  void whenTheConditionClearsEveryOpenRowOfTheEpisodeIsResolvedOnce() {
    AlertRule silence = rule(NO_EVENTS_FOR, 0, 60);
    deploy();
    cycle();
    clock.advance(Duration.ofMinutes(61));
    cycle();
    clock.advance(Duration.ofMinutes(1));
    harness.write(events.toolCall("s1", "search").at(clock.instant()).build());

    CycleReport report = cycle();

    assertThat(report.resolved()).isEqualTo(1);
    assertThat(history(silence))
        .extracting(AlertHistory::resolvedAt)
        .containsOnly("2026-03-10T11:02:00.000Z");
    assertThat(notices)
        .extracting(AlertNotice::kind)
        .containsExactly(
            AlertNotice.Kind.TRIGGERED, AlertNotice.Kind.TRIGGERED, AlertNotice.Kind.RESOLVED);
    AlertNotice resolved = notices.get(2);
    assertThat(resolved.history().triggeredAt()).isEqualTo("2026-03-10T11:01:00.000Z");
    assertThat(resolved.history().resolvedAt()).isEqualTo("2026-03-10T11:02:00.000Z");
    assertThat(resolved.currentValue()).isEqualTo(1);

    clock.advance(Duration.ofMinutes(1));
    assertThat(cycle())
        .as("nothing open any more")
        .isEqualTo(new CycleReport(false, 1, 0, 0, 0, 0));
  }

  @Test
  void aConditionThatReturnsAfterResolutionFiresAgainOnceItsWindowHasPassed() {
    AlertRule busy = rule(EVENT_COUNT_EXCEEDS, 1, 10);
    harness.write(
        events.toolCall("s1", "search").at(NOW.minusSeconds(30)).build(),
        events.toolCall("s1", "search").at(NOW.minusSeconds(20)).build());
    deploy();
    cycle();
    clock.advance(Duration.ofMinutes(11));
    assertThat(cycle().resolved()).isEqualTo(1);

    harness.write(
        events.toolCall("s1", "search").at(clock.instant()).build(),
        events.toolCall("s1", "search").at(clock.instant()).build());
    assertThat(cycle().triggered()).isEqualTo(1);

    List<AlertHistory> h = history(busy);
    assertThat(h).hasSize(2);
    assertThat(h.get(0).resolvedAt()).isNull();
    assertThat(h.get(1).resolvedAt()).isEqualTo("2026-03-10T10:11:00.000Z");
  }

  @Test
  void deletingARuleKeepsItsHistoryAndEndsItsEvaluation() {
    AlertRule silence = rule(NO_EVENTS_FOR, 0, 60);
    deploy();
    cycle();

    assertThat(await(store.alerts().deleteRule(TENANT, silence.id()))).isTrue();
    clock.advance(Duration.ofMinutes(90));
    CycleReport report = cycle();

    assertThat(report.rulesEvaluated()).isZero();
    assertThat(history(silence)).hasSize(1);
    assertThat(history(silence).get(0).resolvedAt()).isNull();
  }

  @Test
  void disabledRulesAreNotEvaluated() {
    AlertRule silence = rule(NO_EVENTS_FOR, 0, 60);
    AlertRule off =
        new AlertRule(
            silence.id(),
            silence.name(),
            false,
            silence.condition(),
            silence.threshold(),
            silence.windowMinutes(),
            silence.scope(),
            silence.notifyChannels(),
            silence.createdAt(),
            silence.updatedAt(),
            silence.tenantId());
    await(store.alerts().updateRule(off));
    deploy();

    assertThat(cycle().rulesEvaluated()).isZero();
    assertThat(history(silence)).isEmpty();
  }

  // ---- listeners and cycles ------------------------------------------------------------------

  @Test
  void listenersHearEveryTrigger() {
    AlertRule silence = rule(NO_EVENTS_FOR, 0, 60);
    deploy();
    engine.addListener(
        n -> {
          throw new IllegalStateException("a broken listener does not stop the others");
        });

    cycle();

    assertThat(notices).hasSize(1);
    AlertNotice n = notices.get(0);
    assertThat(n.kind()).isEqualTo(AlertNotice.Kind.TRIGGERED);
    assertThat(n.rule()).isEqualTo(silence);
    assertThat(n.history()).isEqualTo(history(silence).get(0));
    assertThat(engine.metrics().triggered()).isEqualTo(1);
  }

  @Test
  void aCycleNeverOverlapsTheOneStillRunning() {
    rule(NO_EVENTS_FOR, 0, 60);
    GatedAlertStore gated = new GatedAlertStore(store.alerts());
    deploy(true, Duration.ofSeconds(10), gated);

    Future<CycleReport> first = engine.evaluate();
    CycleReport second = await(engine.evaluate());
    gated.open();

    assertThat(second).isEqualTo(CycleReport.SKIPPED);
    assertThat(await(first).triggered()).isEqualTo(1);
    assertThat(engine.metrics().cyclesSkipped()).isEqualTo(1);
    assertThat(engine.metrics().cycles()).isEqualTo(1);
  }

  @Test
  void theEngineEvaluatesByItselfEveryCheckInterval() {
    AlertRule silence = rule(NO_EVENTS_FOR, 0, 60);
    engine =
        new AlertEngine(
            store.alerts(),
            store.analytics(),
            new AlertSettings(
                Duration.ofMillis(20), false, Duration.ofSeconds(1), 0, Duration.ZERO),
            clock);
    deployment = await(vertx.deployVerticle(engine));

    waitFor("three cycles", () -> engine.metrics().cycles() >= 3);

    assertThat(history(silence)).hasSize(1);
  }

  private static AlertScope agent(String agentId) {
    return new AlertScope(agentId, null);
  }

  private static AlertScope tags(String... tags) {
    return new AlertScope(null, List.of(tags));
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
