package dev.agentlens.api.admin;

import dev.agentlens.api.auth.ApiKeys;
import dev.agentlens.api.http.ApiException;
import dev.agentlens.engine.model.ApiKey;
import dev.agentlens.engine.store.ApiKeyStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What can be done to API keys (SPEC §5), shared by the keys routes and the CLI. Every change is
 * handed to {@code changed} right after the store accepted it, which the server points at its key
 * cache so a revocation or rotation takes effect on the next request.
 */
public final class KeyAdmin {

  /** How long a rotated key keeps working (upstream KEY_ROTATION_GRACE_HOURS default). */
  public static final Duration ROTATION_GRACE = Duration.ofHours(24);

  public static final String DEFAULT_NAME = "Unnamed Key";
  public static final List<String> DEFAULT_SCOPES = List.of("*");

  /** A rotation: the new key (raw text shown once) and the old key as it is now stored. */
  public record Rotation(ApiKeys.Minted minted, ApiKey old) {}

  private final ApiKeyStore store;
  private final Consumer<ApiKey> changed;
  private final Clock clock;

  public KeyAdmin(ApiKeyStore store, Consumer<ApiKey> changed, Clock clock) {
    this.store = store;
    this.changed = changed;
    this.clock = clock;
  }

  /**
   * Checks the fields present in a key request as upstream: {@code name} 1–255 chars, {@code
   * scopes} ≤ 50 strings of 1–64 chars, {@code tenantId} 1–128 chars (JSON model values; a present
   * null is refused like any wrong type). 400 naming each broken field; other keys are ignored.
   */
  public static void validate(Map<String, Object> fields) {
    Validation v = new Validation();
    if (fields.containsKey("name")) {
      v.string("name", fields.get("name"), 1, 255);
    }
    if (fields.containsKey("scopes")) {
      v.strings("scopes", fields.get("scopes"), 1, 64, 50);
    }
    if (fields.containsKey("tenantId")) {
      v.string("tenantId", fields.get("tenantId"), 1, 128);
    }
    v.throwIfAny();
  }

  public Future<ApiKeys.Minted> create(String name, List<String> scopes, String tenantId) {
    ApiKeys.Minted minted =
        ApiKeys.mint(
            name == null ? DEFAULT_NAME : name,
            scopes == null ? DEFAULT_SCOPES : scopes,
            tenantId,
            clock);
    return store
        .insert(minted.key())
        .map(
            v -> {
              changed.accept(minted.key());
              return minted;
            });
  }

  /** The tenant's keys, revoked ones included, newest first. */
  public Future<List<ApiKey>> list(String tenantId) {
    return store.list(tenantId);
  }

  /** 404 {@code API key not found}; 409 {@code API key already revoked}. */
  public Future<ApiKey> revoke(String tenantId, String id) {
    long now = nowSeconds();
    return find(tenantId, id)
        .map(
            k -> {
              if (k.revokedAt() != null) {
                throw alreadyRevoked();
              }
              return k;
            })
        .compose(
            k ->
                store
                    .revoke(tenantId, id, now)
                    .map(
                        done -> {
                          if (!done) {
                            throw alreadyRevoked();
                          }
                          ApiKey revoked = withTimes(k, now, k.rotatedAt(), k.expiresAt());
                          changed.accept(revoked);
                          return revoked;
                        }));
  }

  /**
   * A new key with the old one's name, scopes and tenant; the old key expires after {@link
   * #ROTATION_GRACE} (never later than an expiry it already had). 404; 409 {@code Cannot rotate a
   * revoked key}, or an expired one.
   */
  public Future<Rotation> rotate(String tenantId, String id) {
    long now = nowSeconds();
    return find(tenantId, id)
        .map(
            k -> {
              if (k.revokedAt() != null) {
                throw new ApiException(409, "Cannot rotate a revoked key");
              }
              if (k.expiresAt() != null && now > k.expiresAt()) {
                throw new ApiException(409, "Cannot rotate an expired key");
              }
              return k;
            })
        .compose(
            old -> {
              long graceEnd = now + ROTATION_GRACE.toSeconds();
              long expires =
                  old.expiresAt() == null ? graceEnd : Math.min(old.expiresAt(), graceEnd);
              ApiKeys.Minted minted = ApiKeys.mint(old.name(), old.scopes(), tenantId, clock);
              return store
                  .insert(minted.key())
                  .compose(v -> store.markRotated(tenantId, id, now, expires))
                  .map(
                      marked -> {
                        if (!marked) { // revoked meanwhile; nobody ever saw the new key's text
                          throw new ApiException(409, "Cannot rotate a revoked key");
                        }
                        changed.accept(minted.key());
                        ApiKey rotated = withTimes(old, old.revokedAt(), now, expires);
                        changed.accept(rotated);
                        return new Rotation(minted, rotated);
                      });
            });
  }

  private Future<ApiKey> find(String tenantId, String id) {
    return store
        .list(tenantId)
        .map(
            keys ->
                keys.stream()
                    .filter(k -> k.id().equals(id))
                    .findFirst()
                    .orElseThrow(() -> ApiException.notFound("API key")));
  }

  private long nowSeconds() {
    return clock.millis() / 1000;
  }

  private static ApiException alreadyRevoked() {
    return new ApiException(409, "API key already revoked");
  }

  private static ApiKey withTimes(ApiKey k, Long revokedAt, Long rotatedAt, Long expiresAt) {
    return new ApiKey(
        k.id(),
        k.keyHash(),
        k.name(),
        k.scopes(),
        k.tenantId(),
        k.createdAt(),
        k.lastUsedAt(),
        revokedAt,
        rotatedAt,
        expiresAt);
  }
}
