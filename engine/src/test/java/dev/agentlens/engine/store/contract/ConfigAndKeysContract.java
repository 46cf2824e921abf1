package dev.agentlens.engine.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.engine.model.ApiKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** config_kv (SPEC §7 retentionDays) and the API key table (SPEC §5). */
public abstract class ConfigAndKeysContract extends StoreContractBase {

  private static final String HASH_1 = "a".repeat(64);
  private static final String HASH_2 = "b".repeat(64);
  private static final String HASH_3 = "c".repeat(64);

  private static ApiKey key(String id, String hash, String tenantId, List<String> scopes) {
    return new ApiKey(
        id, hash, "key " + id, scopes, tenantId, 1_773_136_800L, null, null, null, null);
  }

  private ApiKey stored(String tenantId, String id) {
    return await(store.keys().list(tenantId)).stream()
        .filter(k -> k.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no key " + id));
  }

  // ---- config_kv -----------------------------------------------------------------------------

  @Test
  void anUnsetKeyIsEmpty() {
    assertThat(await(store.config().get("retentionDays"))).isEmpty();
    assertThat(await(store.config().all())).isEmpty();
  }

  @Test
  void putThenGetAndOverwrite() {
    await(store.config().put("retentionDays", "30"));
    assertThat(await(store.config().get("retentionDays"))).contains("30");

    await(store.config().put("retentionDays", "7"));
    assertThat(await(store.config().get("retentionDays"))).contains("7");
  }

  @Test
  void allReturnsEveryPair() {
    await(store.config().put("retentionDays", "90"));
    await(store.config().put("agentGateUrl", "https://gate.example.com/hook"));
    await(store.config().put("retentionDays", "0"));

    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("retentionDays", "0");
    expected.put("agentGateUrl", "https://gate.example.com/hook");
    assertThat(await(store.config().all())).containsExactlyInAnyOrderEntriesOf(expected);
  }

  // ---- api keys ------------------------------------------------------------------------------

  @Test
  void keysAreListedPerTenantAndAllTogether() {
    ApiKey k1 = key("key-1", HASH_1, TENANT, List.of("*"));
    ApiKey k2 = key("key-2", HASH_2, TENANT, List.of("read", "audit"));
    ApiKey k3 = key("key-3", HASH_3, OTHER_TENANT, List.of("write"));
    await(store.keys().insert(k1));
    await(store.keys().insert(k2));
    await(store.keys().insert(k3));

    assertThat(await(store.keys().list(TENANT))).containsExactlyInAnyOrder(k1, k2);
    assertThat(await(store.keys().list(OTHER_TENANT))).containsExactly(k3);
    assertThat(await(store.keys().all())).containsExactlyInAnyOrder(k1, k2, k3);
  }

  @Test
  void aKeyWithEveryFieldSetReadsBackExactly() {
    ApiKey k =
        new ApiKey(
            "key-1",
            HASH_1,
            "ci",
            List.of("write"),
            TENANT,
            1_773_000_000L,
            1_773_000_100L,
            1_773_000_200L,
            1_773_000_050L,
            1_773_086_450L);
    await(store.keys().insert(k));

    assertThat(await(store.keys().all())).containsExactly(k);
  }

  @Test
  void revokeSetsRevokedAtWithinTheTenantOnly() {
    await(store.keys().insert(key("key-1", HASH_1, TENANT, List.of("*"))));

    assertThat(await(store.keys().revoke(OTHER_TENANT, "key-1", 1_773_140_000L))).isFalse();
    assertThat(await(store.keys().revoke(TENANT, "nope", 1_773_140_000L))).isFalse();
    assertThat(stored(TENANT, "key-1").revokedAt()).isNull();

    assertThat(await(store.keys().revoke(TENANT, "key-1", 1_773_140_000L))).isTrue();
    assertThat(stored(TENANT, "key-1").revokedAt()).isEqualTo(1_773_140_000L);
    assertThat(await(store.keys().all()))
        .extracting(ApiKey::revokedAt)
        .containsExactly(1_773_140_000L);
  }

  @Test
  void markRotatedSetsRotationAndExpiry() {
    await(store.keys().insert(key("key-1", HASH_1, TENANT, List.of("*"))));

    assertThat(await(store.keys().markRotated(OTHER_TENANT, "key-1", 100L, 200L))).isFalse();
    assertThat(await(store.keys().markRotated(TENANT, "key-1", 1_773_140_000L, 1_773_226_400L)))
        .isTrue();

    ApiKey k = stored(TENANT, "key-1");
    assertThat(k.rotatedAt()).isEqualTo(1_773_140_000L);
    assertThat(k.expiresAt()).isEqualTo(1_773_226_400L);
    assertThat(k.revokedAt()).isNull();
  }

  @Test
  void touchWritesLastUsedTimesAndIgnoresUnknownIds() {
    await(store.keys().insert(key("key-1", HASH_1, TENANT, List.of("*"))));
    await(store.keys().insert(key("key-2", HASH_2, OTHER_TENANT, List.of("*"))));
    await(store.keys().insert(key("key-3", HASH_3, TENANT, List.of("*"))));

    await(
        store.keys().touch(Map.of("key-1", 1_773_140_001L, "key-2", 1_773_140_002L, "ghost", 5L)));

    assertThat(stored(TENANT, "key-1").lastUsedAt()).isEqualTo(1_773_140_001L);
    assertThat(stored(OTHER_TENANT, "key-2").lastUsedAt()).isEqualTo(1_773_140_002L);
    assertThat(stored(TENANT, "key-3").lastUsedAt()).isNull();
    assertThat(await(store.keys().all())).hasSize(3);
  }
}
