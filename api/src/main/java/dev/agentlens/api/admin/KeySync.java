package dev.agentlens.api.admin;

import dev.agentlens.api.auth.ApiKeyCache;
import dev.agentlens.engine.model.ApiKey;
import dev.agentlens.engine.store.ApiKeyStore;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings key changes made outside this process (the CLI, another node on the same database) into
 * the in-memory cache. Revocation and expiry only ever tighten: a row read before this process
 * revoked or rotated a key never undoes that in the cache.
 */
public final class KeySync {
  private static final Logger LOG = Logger.getLogger(KeySync.class.getName());

  private KeySync() {}

  public static Future<Void> reload(ApiKeyStore store, ApiKeyCache cache) {
    return store
        .all()
        .map(
            stored -> {
              Map<String, ApiKey> cached = new HashMap<>();
              cache.all().forEach(k -> cached.put(k.id(), k));
              for (ApiKey k : stored) {
                ApiKey mine = cached.get(k.id());
                cache.put(mine == null ? k : tightest(mine, k));
              }
              return (Void) null;
            })
        .onFailure(e -> LOG.log(Level.WARNING, "could not reload API keys: " + e.getMessage()));
  }

  private static ApiKey tightest(ApiKey a, ApiKey b) {
    return new ApiKey(
        b.id(),
        b.keyHash(),
        b.name(),
        b.scopes(),
        b.tenantId(),
        b.createdAt(),
        b.lastUsedAt(),
        a.revokedAt() != null ? a.revokedAt() : b.revokedAt(),
        a.rotatedAt() != null ? a.rotatedAt() : b.rotatedAt(),
        min(a.expiresAt(), b.expiresAt()));
  }

  private static Long min(Long x, Long y) {
    if (x == null) {
      return y;
    }
    return y == null ? x : Long.valueOf(Math.min(x, y));
  }
}
