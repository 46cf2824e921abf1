package dev.agentlens.api.admin;

import dev.agentlens.api.http.Responses;
import dev.agentlens.engine.json.CanonicalJson;
import dev.agentlens.engine.store.ConfigStore;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runtime settings (reference §11.2, SPEC §7): {@code retentionDays} lives in config_kv under
 * {@link #RETENTION_DAYS}, where the retention engine reads it; without a stored value the
 * configured {@code retention.days} applies. The upstream webhook-ingest settings are answered as
 * unset and refused on PUT, since webhook ingest is not planned (SPEC §10).
 */
final class ConfigRoutes {

  /** The config_kv key of the runtime retention override. */
  static final String RETENTION_DAYS = "retentionDays";

  private static final Set<String> WEBHOOK_SETTINGS =
      Set.of("agentGateUrl", "agentGateSecret", "formBridgeUrl", "formBridgeSecret");

  private final ConfigStore config;
  private final int configuredRetentionDays;

  ConfigRoutes(ConfigStore config, int configuredRetentionDays) {
    this.config = config;
    this.configuredRetentionDays = configuredRetentionDays;
  }

  void mount(Router router) {
    router.get("/api/config").handler(this::get);
    router.put("/api/config").handler(this::put);
  }

  private void get(RoutingContext ctx) {
    config
        .get(RETENTION_DAYS)
        .map(
            stored -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("retentionDays", retentionDays(stored));
              m.put("agentGateUrl", null);
              m.put("agentGateSecretSet", false);
              m.put("formBridgeUrl", null);
              m.put("formBridgeSecretSet", false);
              return CanonicalJson.write(m);
            })
        .onSuccess(json -> Responses.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  /** {@code {"retentionDays"? int 0–3650}}; any other key is a 400 naming it. */
  private void put(RoutingContext ctx) {
    Map<String, Object> body = JsonBody.object(ctx, false);
    Validation v = new Validation();
    for (String key : body.keySet()) {
      if (WEBHOOK_SETTINGS.contains(key)) {
        v.add(key, "Not supported: webhook ingest is not available in AgentLens Engine");
      } else if (!RETENTION_DAYS.equals(key)) {
        v.add(key, "Unrecognized key: \"" + key + "\"");
      }
    }
    Integer days =
        body.containsKey(RETENTION_DAYS)
            ? v.integer(RETENTION_DAYS, body.get(RETENTION_DAYS), 0, 3650)
            : null;
    v.throwIfAny();
    (days == null
            ? Future.<Void>succeededFuture()
            : config.put(RETENTION_DAYS, Integer.toString(days)))
        .onSuccess(x -> Responses.ok(ctx, "{\"ok\":true}"))
        .onFailure(ctx::fail);
  }

  /** A stored value that is not an integer in range is ignored (the configured value applies). */
  private int retentionDays(Optional<String> stored) {
    if (stored.isPresent()) {
      try {
        int days = Integer.parseInt(stored.get().trim());
        if (days >= 0 && days <= 3650) {
          return days;
        }
      } catch (NumberFormatException e) {
        // fall through to the configured value
      }
    }
    return configuredRetentionDays;
  }
}
