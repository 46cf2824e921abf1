package dev.agentlens.api.admin;

import dev.agentlens.api.auth.ApiKeys;
import dev.agentlens.engine.json.CanonicalJson;
import dev.agentlens.engine.model.ApiKey;
import dev.agentlens.engine.model.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Wire shapes of the keys API (reference §11.2); times as ISO strings, never the key hash. */
public final class KeyViews {
  private KeyViews() {}

  /** The one response that carries the raw key. */
  public static String created(ApiKeys.Minted minted) {
    ApiKey k = minted.key();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", k.id());
    m.put("key", minted.raw());
    m.put("name", k.name());
    m.put("scopes", k.scopes());
    m.put("tenantId", k.tenantId());
    m.put("createdAt", iso(k.createdAt()));
    return CanonicalJson.write(m);
  }

  public static String list(List<ApiKey> keys) {
    List<Object> items = new ArrayList<>(keys.size());
    for (ApiKey k : keys) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", k.id());
      m.put("name", k.name());
      m.put("scopes", k.scopes());
      m.put("tenantId", k.tenantId());
      m.put("createdAt", iso(k.createdAt()));
      m.put("lastUsedAt", iso(k.lastUsedAt()));
      m.put("revokedAt", iso(k.revokedAt()));
      items.add(m);
    }
    return CanonicalJson.write(Map.of("keys", items));
  }

  public static String revoked(ApiKey k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", k.id());
    m.put("revoked", true);
    return CanonicalJson.write(m);
  }

  public static String rotated(KeyAdmin.Rotation r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.minted().key().id());
    m.put("key", r.minted().raw());
    m.put("name", r.minted().key().name());
    m.put("rotatedFromId", r.old().id());
    m.put("oldKeyExpiresAt", iso(r.old().expiresAt()));
    return CanonicalJson.write(m);
  }

  /** Unix seconds as a canonical timestamp; null stays null. */
  static String iso(Long unixSeconds) {
    return unixSeconds == null ? null : Timestamps.format(Instant.ofEpochSecond(unixSeconds));
  }
}
