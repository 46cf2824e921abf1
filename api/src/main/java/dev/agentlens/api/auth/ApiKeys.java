package dev.agentlens.api.auth;

import dev.agentlens.engine.json.EventHasher;
import dev.agentlens.engine.json.UlidGenerator;
import dev.agentlens.engine.model.ApiKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/** Minting of raw keys: {@code als_} + 64 lowercase hex; only the SHA-256 is ever stored. */
public final class ApiKeys {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final UlidGenerator IDS = new UlidGenerator();

  private ApiKeys() {}

  /** A new key and its raw text (shown once). */
  public record Minted(ApiKey key, String raw) {}

  public static Minted mint(String name, List<String> scopes, String tenantId, Clock clock) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String raw = "als_" + HexFormat.of().formatHex(bytes);
    ApiKey key =
        new ApiKey(
            IDS.next(),
            EventHasher.sha256Hex(raw),
            name,
            scopes,
            tenantId,
            clock.millis() / 1000,
            null,
            null,
            null,
            null);
    return new Minted(key, raw);
  }
}
