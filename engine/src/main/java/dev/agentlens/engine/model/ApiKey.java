package dev.agentlens.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * A stored API key: only the SHA-256 of the raw key is kept. Times are unix seconds as upstream;
 * null when unset.
 */
public record ApiKey(
    String id,
    String keyHash,
    String name,
    List<String> scopes,
    String tenantId,
    long createdAt,
    Long lastUsedAt,
    Long revokedAt,
    Long rotatedAt,
    Long expiresAt) {

  public ApiKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(keyHash, "keyHash");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tenantId, "tenantId");
    scopes = scopes == null ? List.of("*") : List.copyOf(scopes);
  }
}
