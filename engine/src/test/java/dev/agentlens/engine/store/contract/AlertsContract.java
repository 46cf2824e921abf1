package dev.agentlens.engine.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.engine.model.AlertCondition;
import dev.agentlens.engine.model.AlertHistory;
import dev.agentlens.engine.model.AlertRule;
import dev.agentlens.engine.model.AlertScope;
import dev.agentlens.engine.model.Page;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Alert rules and history (reference §7 with the SPEC §6 fixes), always tenant-scoped. */
public abstract class AlertsContract extends StoreContractBase {

  private static final String CREATED = "2026-03-10T10:00:00.000Z";

  private static AlertRule rule(String id, String tenantId, String name) {
    return new AlertRule(
        id,
        name,
        true,
        AlertCondition.ERROR_RATE_EXCEEDS,
        0.1,
        60,
        AlertScope.ALL,
        List.of(),
        CREATED,
        CREATED,
        tenantId);
  }

  private static AlertHistory entry(String id, String ruleId, String tenantId, String at) {
    return new AlertHistory(
        id,
        ruleId,
        at,
        null,
        0.4,
        0.1,
        "Error rate 40.0% exceeds threshold 10.0% in the last 60m",
        tenantId);
  }

  private void create(AlertRule r) {
    await(store.alerts().createRule(r));
  }

  private void insert(AlertHistory h) {
    await(store.alerts().insertHistory(h));
  }

  private Page<AlertHistory> history(String tenantId, String ruleId, int limit, int offset) {
    return await(store.alerts().history(tenantId, ruleId, limit, offset));
  }

  // ---- rules ---------------------------------------------------------------------------------

  @Test
  void aCreatedRuleReadsBackExactly() {
    AlertRule r =
        new AlertRule(
            "rule-1",
            "Spend guard",
            false,
            AlertCondition.COST_EXCEEDS,
            12.5,
            1440,
            new AlertScope("agent-1", List.of("prod", "eu")),
            List.of("https://hooks.example.com/agentlens", "ops-channel"),
            CREATED,
            "2026-03-10T10:05:00.000Z",
            TENANT);
    create(r);

    assertThat(await(store.alerts().getRule(TENANT, "rule-1"))).contains(r);
  }

  @Test
  void aRuleWithTheDefaultScopeReadsBackExactly() {
    AlertRule r = rule("rule-1", TENANT, "Errors");
    create(r);

    assertThat(await(store.alerts().getRule(TENANT, "rule-1"))).contains(r);
  }

  @Test
  void everyConditionRoundTrips() {
    for (AlertCondition c : AlertCondition.values()) {
      create(
          new AlertRule(
              "rule-" + c.wire(),
              c.wire(),
              true,
              c,
              3,
              5,
              AlertScope.ALL,
              List.of(),
              CREATED,
              CREATED,
              TENANT));
    }

    assertThat(await(store.alerts().listRules(TENANT)))
        .extracting(AlertRule::condition)
        .containsExactlyInAnyOrder(AlertCondition.values());
  }

  @Test
  void rulesAreTenantScoped() {
    create(rule("rule-1", TENANT, "Mine"));
    create(rule("rule-2", TENANT, "Mine too"));
    create(rule("rule-3", OTHER_TENANT, "Theirs"));

    assertThat(await(store.alerts().listRules(TENANT)))
        .containsExactlyInAnyOrder(
            rule("rule-1", TENANT, "Mine"), rule("rule-2", TENANT, "Mine too"));
    assertThat(await(store.alerts().getRule(TENANT, "rule-3"))).isEmpty();
    assertThat(await(store.alerts().getRule(TENANT, "rule-9"))).isEmpty();
  }

  @Test
  void listAllRulesSpansTenants() {
    create(rule("rule-1", TENANT, "Mine"));
    create(rule("rule-3", OTHER_TENANT, "Theirs"));

    assertThat(await(store.alerts().listAllRules()))
        .containsExactlyInAnyOrder(
            rule("rule-1", TENANT, "Mine"), rule("rule-3", OTHER_TENANT, "Theirs"));
  }

  @Test
  void updateReplacesTheRule() {
    create(rule("rule-1", TENANT, "Errors"));
    AlertRule changed =
        new AlertRule(
            "rule-1",
            "Latency",
            false,
            AlertCondition.LATENCY_EXCEEDS,
            250,
            15,
            new AlertScope(null, List.of("prod")),
            List.of("https://hooks.example.com/x"),
            CREATED,
            "2026-03-11T08:00:00.000Z",
            TENANT);

    assertThat(await(store.alerts().updateRule(changed))).isTrue();
    assertThat(await(store.alerts().getRule(TENANT, "rule-1"))).contains(changed);
  }

  @Test
  void updateOfAnUnknownOrForeignRuleChangesNothing() {
    create(rule("rule-1", TENANT, "Errors"));

    assertThat(await(store.alerts().updateRule(rule("rule-9", TENANT, "Nope")))).isFalse();
    assertThat(await(store.alerts().updateRule(rule("rule-1", OTHER_TENANT, "Hijack")))).isFalse();
    assertThat(await(store.alerts().getRule(TENANT, "rule-1")))
        .contains(rule("rule-1", TENANT, "Errors"));
    assertThat(await(store.alerts().listAllRules())).hasSize(1);
  }

  @Test
  void deleteRemovesTheRuleOnce() {
    create(rule("rule-1", TENANT, "Errors"));

    assertThat(await(store.alerts().deleteRule(OTHER_TENANT, "rule-1"))).isFalse();
    assertThat(await(store.alerts().getRule(TENANT, "rule-1"))).isPresent();
    assertThat(await(store.alerts().deleteRule(TENANT, "rule-1"))).isTrue();
    assertThat(await(store.alerts().getRule(TENANT, "rule-1"))).isEmpty();
    assertThat(await(store.alerts().deleteRule(TENANT, "rule-1"))).isFalse();
  }

  // ---- history -------------------------------------------------------------------------------

  @Test
  void historyIsNewestFirstWithTotalAndHasMore() {
    create(rule("rule-1", TENANT, "Errors"));
    AlertHistory h1 = entry("h1", "rule-1", TENANT, "2026-03-10T10:00:00.000Z");
    AlertHistory h3 = entry("h3", "rule-1", TENANT, "2026-03-10T12:00:00.000Z");
    AlertHistory h2 = entry("h2", "rule-1", TENANT, "2026-03-10T11:00:00.000Z");
    insert(h1);
    insert(h3);
    insert(h2);

    Page<AlertHistory> all = history(TENANT, null, 50, 0);
    assertThat(all.items()).containsExactly(h3, h2, h1);
    assertThat(all.total()).isEqualTo(3);
    assertThat(all.hasMore()).isFalse();

    Page<AlertHistory> first = history(TENANT, null, 2, 0);
    assertThat(first.items()).containsExactly(h3, h2);
    assertThat(first.total()).isEqualTo(3);
    assertThat(first.hasMore()).isTrue();

    Page<AlertHistory> rest = history(TENANT, null, 2, 2);
    assertThat(rest.items()).containsExactly(h1);
    assertThat(rest.hasMore()).isFalse();
  }

  @Test
  void historyFiltersByRule() {
    AlertHistory a = entry("h1", "rule-1", TENANT, "2026-03-10T10:00:00.000Z");
    AlertHistory b = entry("h2", "rule-2", TENANT, "2026-03-10T11:00:00.000Z");
    AlertHistory c = entry("h3", "rule-1", TENANT, "2026-03-10T12:00:00.000Z");
    insert(a);
    insert(b);
    insert(c);

    Page<AlertHistory> page = history(TENANT, "rule-1", 50, 0);
    assertThat(page.items()).containsExactly(c, a);
    assertThat(page.total()).isEqualTo(2);
    assertThat(history(TENANT, "rule-9", 50, 0).total()).isZero();
  }

  @Test
  void historyIsTenantScoped() {
    AlertHistory mine = entry("h1", "rule-1", TENANT, "2026-03-10T10:00:00.000Z");
    AlertHistory theirs = entry("h2", "rule-1", OTHER_TENANT, "2026-03-10T11:00:00.000Z");
    insert(mine);
    insert(theirs);

    assertThat(history(TENANT, null, 50, 0).items()).containsExactly(mine);
    assertThat(history(TENANT, "rule-1", 50, 0).items()).containsExactly(mine);
    assertThat(await(store.alerts().latestHistory(TENANT, "rule-1"))).contains(mine);
  }

  @Test
  void latestHistoryIsTheMostRecentRowOfTheRule() {
    AlertHistory older = entry("h1", "rule-1", TENANT, "2026-03-10T10:00:00.000Z");
    AlertHistory newer = entry("h2", "rule-1", TENANT, "2026-03-10T11:00:00.000Z");
    AlertHistory otherRule = entry("h3", "rule-2", TENANT, "2026-03-10T12:00:00.000Z");
    insert(newer);
    insert(older);
    insert(otherRule);

    assertThat(await(store.alerts().latestHistory(TENANT, "rule-1"))).contains(newer);
    assertThat(await(store.alerts().latestHistory(TENANT, "rule-9"))).isEmpty();
  }

  @Test
  void resolveSetsResolvedAtOnce() {
    AlertHistory h = entry("h1", "rule-1", TENANT, "2026-03-10T10:00:00.000Z");
    insert(h);

    assertThat(await(store.alerts().resolve(OTHER_TENANT, "h1", "2026-03-10T10:01:00.000Z")))
        .isFalse();
    assertThat(await(store.alerts().resolve(TENANT, "h1", "2026-03-10T10:30:00.000Z"))).isTrue();
    assertThat(await(store.alerts().resolve(TENANT, "h1", "2026-03-10T11:00:00.000Z"))).isFalse();
    assertThat(await(store.alerts().resolve(TENANT, "nope", "2026-03-10T11:00:00.000Z"))).isFalse();

    assertThat(history(TENANT, null, 50, 0).items())
        .containsExactly(
            new AlertHistory(
                "h1",
                "rule-1",
                "2026-03-10T10:00:00.000Z",
                "2026-03-10T10:30:00.000Z",
                0.4,
                0.1,
                h.message(),
                TENANT));
  }

  @Test
  void deletingARuleKeepsItsHistory() {
    create(rule("rule-1", TENANT, "Errors"));
    AlertHistory h = entry("h1", "rule-1", TENANT, "2026-03-10T10:00:00.000Z");
    insert(h);

    assertThat(await(store.alerts().deleteRule(TENANT, "rule-1"))).isTrue();

    assertThat(history(TENANT, "rule-1", 50, 0).items()).containsExactly(h);
    assertThat(await(store.alerts().latestHistory(TENANT, "rule-1"))).contains(h);
  }

  @Test
  void theEvaluationLeaseIsHeldByOneNodeUntilItExpires() {
    var a = store.alerts();
    String t0 = "2026-03-10T10:00:00.000Z";
    String t1 = "2026-03-10T10:01:00.000Z";
    String t2 = "2026-03-10T10:02:00.000Z";
    String t3 = "2026-03-10T10:03:00.000Z";
    assertThat(await(a.claimLease("alert-evaluation", "node-1", t0, t2))).isTrue();
    assertThat(await(a.claimLease("alert-evaluation", "node-2", t1, t3))).isFalse();
    assertThat(await(a.claimLease("alert-evaluation", "node-1", t1, t3))).isTrue();
    assertThat(await(a.claimLease("alert-evaluation", "node-2", t2, t3))).isFalse();
    // node-1 stopped renewing: once its lease (until t3) has passed, node-2 takes over.
    assertThat(
            await(
                a.claimLease(
                    "alert-evaluation",
                    "node-2",
                    "2026-03-10T10:03:00.001Z",
                    "2026-03-10T10:05:00.000Z")))
        .isTrue();
    assertThat(
            await(
                a.claimLease(
                    "alert-evaluation",
                    "node-1",
                    "2026-03-10T10:04:00.000Z",
                    "2026-03-10T10:06:00.000Z")))
        .isFalse();
    assertThat(await(a.claimLease("other-engine", "node-1", t0, t2))).isTrue();
  }
}
