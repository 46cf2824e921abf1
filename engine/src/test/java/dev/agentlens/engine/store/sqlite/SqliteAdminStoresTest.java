package dev.agentlens.engine.store.sqlite;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.engine.model.AlertCondition;
import dev.agentlens.engine.model.AlertHistory;
import dev.agentlens.engine.model.AlertRule;
import dev.agentlens.engine.model.AlertScope;
import dev.agentlens.engine.model.ApiKey;
import dev.agentlens.engine.model.Page;
import dev.agentlens.engine.store.AlertStore;
import dev.agentlens.engine.store.ApiKeyStore;
import dev.agentlens.engine.store.ConfigStore;
import dev.agentlens.engine.store.StoreSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alert rules and history, API keys and config_kv on a real SQLite file. */
class SqliteAdminStoresTest {

  @TempDir Path dir;
  private Vertx vertx;
  private SqliteEventStore store;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    store =
        new SqliteEventStore(
            vertx, SqliteSettings.at(dir.resolve("s.db")), StoreSettings.defaults());
    await(store.start());
  }

  @AfterEach
  void stop() throws Exception {
    await(store.close());
    await(vertx.close());
  }

  @Test
  void alertRulesAreTenantScopedAndHistorySurvivesDelete() throws Exception {
    AlertStore alerts = store.alerts();
    AlertRule rule = rule("r1", "t1", new AlertScope("a1", List.of("prod")), "2026-01-01");
    AlertRule plain = rule("r2", "t1", AlertScope.ALL, "2026-01-02");
    await(alerts.createRule(rule));
    await(alerts.createRule(plain));
    await(alerts.createRule(rule("r3", "t2", new AlertScope(null, List.of()), "2026-01-03")));

    assertThat(await(alerts.getRule("t1", "r1"))).contains(rule);
    assertThat(await(alerts.getRule("t2", "r1"))).isEmpty();
    assertThat(await(alerts.listRules("t1"))).containsExactly(rule, plain);
    assertThat(await(alerts.listAllRules()))
        .extracting(AlertRule::id)
        .containsExactly("r1", "r2", "r3");
    assertThat(await(alerts.getRule("t2", "r3")).orElseThrow().scope().tags()).isEmpty();

    AlertRule renamed =
        new AlertRule(
            "r1",
            "renamed",
            false,
            AlertCondition.COST_EXCEEDS,
            2.5,
            5,
            AlertScope.ALL,
            List.of("https://example.com/hook"),
            "1999-01-01",
            "2026-02-01",
            "t1");
    assertThat(await(alerts.updateRule(renamed))).isTrue();
    assertThat(await(alerts.getRule("t1", "r1")).orElseThrow())
        .isEqualTo(
            new AlertRule(
                "r1",
                "renamed",
                false,
                AlertCondition.COST_EXCEEDS,
                2.5,
                5,
                AlertScope.ALL,
                List.of("https://example.com/hook"),
                "2026-01-01",
                "2026-02-01",
                "t1"));
    assertThat(await(alerts.updateRule(rule("r1", "t2", AlertScope.ALL, "x")))).isFalse();

    AlertHistory h1 = history("h1", "r1", "2026-02-01T00:00:00.000Z");
    AlertHistory h2 = history("h2", "r1", "2026-02-02T00:00:00.000Z");
    AlertHistory h3 = history("h3", "r2", "2026-02-03T00:00:00.000Z");
    await(alerts.insertHistory(h1));
    await(alerts.insertHistory(h2));
    await(alerts.insertHistory(h3));

    assertThat(await(alerts.deleteRule("t2", "r1"))).isFalse();
    assertThat(await(alerts.deleteRule("t1", "r1"))).isTrue();
    assertThat(await(alerts.getRule("t1", "r1"))).isEmpty();

    Page<AlertHistory> all = await(alerts.history("t1", null, 2, 0));
    assertThat(all.items()).containsExactly(h3, h2);
    assertThat(all.total()).isEqualTo(3);
    assertThat(all.hasMore()).isTrue();
    assertThat(await(alerts.history("t1", "r1", 10, 1)).items()).containsExactly(h1);
    assertThat(await(alerts.history("t2", null, 10, 0)).total()).isZero();
    assertThat(await(alerts.latestHistory("t1", "r1"))).contains(h2);
    assertThat(await(alerts.latestHistory("t2", "r1"))).isEmpty();

    assertThat(await(alerts.resolve("t2", "h2", "2026-02-05T00:00:00.000Z"))).isFalse();
    assertThat(await(alerts.resolve("t1", "h2", "2026-02-05T00:00:00.000Z"))).isTrue();
    assertThat(await(alerts.resolve("t1", "h2", "2026-02-06T00:00:00.000Z"))).isFalse();
    assertThat(await(alerts.latestHistory("t1", "r1")).orElseThrow().resolvedAt())
        .isEqualTo("2026-02-05T00:00:00.000Z");
  }

  @Test
  void apiKeys() throws Exception {
    ApiKeyStore keys = store.keys();
    ApiKey k1 = new ApiKey("k1", "h1", "one", List.of("*"), "t1", 100, null, null, null, null);
    ApiKey k2 =
        new ApiKey("k2", "h2", "two", List.of("read", "audit"), "t1", 200, 5L, null, null, null);
    ApiKey k3 = new ApiKey("k3", "h3", "three", null, "t2", 150, null, null, null, null);
    await(keys.insert(k1));
    await(keys.insert(k2));
    await(keys.insert(k3));

    assertThat(await(keys.all())).containsExactly(k1, k3, k2);
    assertThat(await(keys.list("t1"))).containsExactly(k2, k1);

    assertThat(await(keys.revoke("t2", "k1", 300))).isFalse();
    assertThat(await(keys.revoke("t1", "k1", 300))).isTrue();
    assertThat(await(keys.revoke("t1", "k1", 400))).isFalse();
    assertThat(await(keys.revoke("t1", "missing", 400))).isFalse();
    assertThat(await(keys.markRotated("t1", "k1", 500, 600))).isFalse();
    assertThat(await(keys.markRotated("t1", "k2", 500, 600))).isTrue();

    await(keys.touch(Map.of("k2", 700L, "k3", 800L)));
    await(keys.touch(Map.of("k2", 650L)));
    await(keys.touch(Map.of()));
    assertThat(await(keys.list("t1")))
        .containsExactly(
            new ApiKey(
                "k2", "h2", "two", List.of("read", "audit"), "t1", 200, 700L, null, 500L, 600L),
            new ApiKey("k1", "h1", "one", List.of("*"), "t1", 100, null, 300L, null, null));
    assertThat(await(keys.list("t2")).get(0).lastUsedAt()).isEqualTo(800L);
  }

  @Test
  void config() throws Exception {
    ConfigStore config = store.config();
    assertThat(await(config.get("retentionDays"))).isEqualTo(Optional.empty());
    await(config.put("retentionDays", "30"));
    await(config.put("retentionDays", "7"));
    await(config.put("agentGateUrl", "https://gate"));
    assertThat(await(config.get("retentionDays"))).contains("7");
    assertThat(await(config.all()))
        .containsExactly(
            Map.entry("agentGateUrl", "https://gate"), Map.entry("retentionDays", "7"));
  }

  private static AlertRule rule(String id, String tenant, AlertScope scope, String created) {
    return new AlertRule(
        id,
        "rule " + id,
        true,
        AlertCondition.ERROR_RATE_EXCEEDS,
        0.1,
        60,
        scope,
        List.of(),
        created,
        created,
        tenant);
  }

  private static AlertHistory history(String id, String ruleId, String at) {
    return new AlertHistory(id, ruleId, at, null, 0.5, 0.1, "message " + id, "t1");
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, SECONDS);
  }
}
