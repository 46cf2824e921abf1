package dev.agentlens.api.admin;

import dev.agentlens.api.http.ApiException;
import dev.agentlens.engine.json.CanonicalJson;
import dev.agentlens.engine.model.ChainBreak;
import dev.agentlens.engine.model.ChainReport;
import dev.agentlens.engine.model.TimeWindow;
import dev.agentlens.engine.model.Timestamps;
import dev.agentlens.engine.store.EventReads;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hash-chain verification reports (SPEC §3), shared by {@code GET /api/audit/verify} and the CLI
 * {@code verify}:
 *
 * <pre>{"verified","verifiedAt","range":{from,to}|null,"sessionId"?,"sessionsVerified",
 *  "totalEvents","brokenChains":[{sessionId,seq,reason}],"signature"}</pre>
 *
 * {@code signature} is {@code "hmac-sha256:" + hex(HMAC-SHA256(key, canonical))} where {@code
 * canonical} is the report without {@code signature}, object keys sorted (recursively), written as
 * JavaScript {@code JSON.stringify} does; null when no signing key is configured.
 */
public final class AuditReports {

  /** A finished report: whether every chain verified, and its JSON text. */
  public record Report(boolean verified, String json) {}

  private final EventReads events;
  private final String signingKey;
  private final Clock clock;

  /**
   * @param signingKey {@code audit.signing-key}; empty or null means unsigned reports
   */
  public AuditReports(EventReads events, String signingKey, Clock clock) {
    this.events = events;
    this.signingKey = signingKey == null || signingKey.isEmpty() ? null : signingKey;
    this.clock = clock;
  }

  /** One session's chain; 404 {@code Session not found} when the tenant has no such session. */
  public Future<Report> session(String tenantId, String sessionId) {
    String verifiedAt = now();
    return events
        .verifySession(tenantId, sessionId)
        .map(
            r -> {
              if (r.sessionsVerified() == 0) {
                throw ApiException.notFound("Session");
              }
              return report(r, verifiedAt, null, sessionId);
            });
  }

  /**
   * The chains of every session of the tenant with events in the window; {@code window} null means
   * every session (the report's range is then null).
   */
  public Future<Report> window(String tenantId, TimeWindow window) {
    String verifiedAt = now();
    TimeWindow all = new TimeWindow("0000-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z");
    return events
        .verifyWindow(tenantId, window == null ? all : window)
        .map(r -> report(r, verifiedAt, window, null));
  }

  /** The current time in canonical form (the report's verifiedAt). */
  public String now() {
    return Timestamps.format(clock.instant());
  }

  Report report(ChainReport r, String verifiedAt, TimeWindow range, String sessionId) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("verified", r.verified());
    m.put("verifiedAt", verifiedAt);
    if (range == null) {
      m.put("range", null);
    } else {
      Map<String, Object> rm = new LinkedHashMap<>();
      rm.put("from", range.from());
      rm.put("to", range.to());
      m.put("range", rm);
    }
    if (sessionId != null) {
      m.put("sessionId", sessionId);
    }
    m.put("sessionsVerified", r.sessionsVerified());
    m.put("totalEvents", r.totalEvents());
    List<Object> breaks = new ArrayList<>(r.brokenChains().size());
    for (ChainBreak b : r.brokenChains()) {
      Map<String, Object> bm = new LinkedHashMap<>();
      bm.put("sessionId", b.sessionId());
      bm.put("seq", b.seq());
      bm.put("reason", b.reason());
      breaks.add(bm);
    }
    m.put("brokenChains", breaks);
    m.put("signature", signingKey == null ? null : sign(signingKey, canonical(m)));
    return new Report(r.verified(), CanonicalJson.write(m));
  }

  /** The signed text: keys sorted at every level, no whitespace, JavaScript number formatting. */
  public static String canonical(Map<String, Object> report) {
    Map<String, Object> unsigned = new LinkedHashMap<>(report);
    unsigned.remove("signature");
    return CanonicalJson.write(sorted(unsigned));
  }

  /** {@code "hmac-sha256:" + hex}. */
  public static String sign(String key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
      return "hmac-sha256:" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static Object sorted(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new TreeMap<>();
      m.forEach((k, value) -> out.put(String.valueOf(k), sorted(value)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(sorted(x)));
      return out;
    }
    return v;
  }
}
