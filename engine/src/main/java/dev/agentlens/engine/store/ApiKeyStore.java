package dev.agentlens.engine.store;

import dev.agentlens.engine.model.ApiKey;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/** API keys (hash only). The HTTP layer keeps them in memory; this is where they live. */
public interface ApiKeyStore {

  Future<Void> insert(ApiKey key);

  /** Every key of every tenant, revoked ones included (to fill the in-memory cache). */
  Future<List<ApiKey>> all();

  Future<List<ApiKey>> list(String tenantId);

  /** Sets revoked_at; false when no such key in the tenant. */
  Future<Boolean> revoke(String tenantId, String id, long revokedAtSeconds);

  /** Marks a key rotated with an expiry (grace period). */
  Future<Boolean> markRotated(String tenantId, String id, long rotatedAt, long expiresAt);

  /** Writes batched last-used times (key id → unix seconds), off the request path. */
  Future<Void> touch(Map<String, Long> lastUsedById);
}
