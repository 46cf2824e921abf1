package dev.agentlens.api.auth;

import dev.agentlens.engine.json.EventHasher;
import dev.agentlens.engine.model.ApiKey;
import dev.agentlens.engine.store.ApiKeyStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every API key in memory, by SHA-256 of the raw key, so authentication never touches the database
 * (SPEC §5). Changes go through {@link #put} right after the store accepted them, so a revocation
 * takes effect at once. Last-used times are collected here and flushed in batches.
 */
public final class ApiKeyCache {

  /** Outcome of a lookup: the principal, or why not. */
  public sealed interface Lookup {
    record Ok(Principal principal) implements Lookup {}

    record Invalid() implements Lookup {}

    record Expired() implements Lookup {}
  }

  private final Map<String, ApiKey> byHash = new ConcurrentHashMap<>();
  private final Map<String, Long> lastUsed = new ConcurrentHashMap<>();
  private final Clock clock;

  public ApiKeyCache(Clock clock) {
    this.clock = clock;
  }

  public Future<Void> load(ApiKeyStore store) {
    return store
        .all()
        .map(
            keys -> {
              keys.forEach(this::put);
              return null;
            });
  }

  public void put(ApiKey key) {
    byHash.put(key.keyHash(), key);
  }

  public List<ApiKey> all() {
    return List.copyOf(byHash.values());
  }

  public boolean isEmpty() {
    return byHash.isEmpty();
  }

  public Lookup lookup(String rawKey) {
    ApiKey k = byHash.get(EventHasher.sha256Hex(rawKey));
    if (k == null || k.revokedAt() != null) {
      return new Lookup.Invalid();
    }
    long now = clock.millis() / 1000;
    if (k.expiresAt() != null && now > k.expiresAt()) {
      return new Lookup.Expired();
    }
    lastUsed.put(k.id(), now);
    return new Lookup.Ok(new Principal(k.tenantId(), Role.fromScopes(k.scopes()), k.id()));
  }

  /** Writes the collected last-used times (called on a timer, never per request). */
  public Future<Void> flushLastUsed(ApiKeyStore store) {
    if (lastUsed.isEmpty()) {
      return Future.succeededFuture();
    }
    Map<String, Long> batch = new HashMap<>();
    for (String id : List.copyOf(lastUsed.keySet())) {
      Long t = lastUsed.remove(id);
      if (t != null) {
        batch.put(id, t);
      }
    }
    return store.touch(batch);
  }
}
