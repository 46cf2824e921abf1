package dev.agentlens.api.admin;

import dev.agentlens.api.auth.AuthHandler;
import dev.agentlens.api.http.ApiException;
import dev.agentlens.api.http.QueryParams;
import dev.agentlens.api.http.Responses;
import dev.agentlens.engine.json.CanonicalJson;
import dev.agentlens.engine.json.UlidGenerator;
import dev.agentlens.engine.model.AlertRule;
import dev.agentlens.engine.model.Timestamps;
import dev.agentlens.engine.store.AlertStore;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Alert rule CRUD and history (reference §7, §11.2; SPEC §6): tenant-scoped, another tenant's rule
 * is "not found"; deleting a rule keeps its history.
 */
final class AlertRoutes {

  private final AlertStore alerts;
  private final UlidGenerator ids;
  private final Clock clock;

  AlertRoutes(AlertStore alerts, UlidGenerator ids, Clock clock) {
    this.alerts = alerts;
    this.ids = ids;
    this.clock = clock;
  }

  void mount(Router router) {
    router.post("/api/alerts/rules").handler(this::create);
    router.get("/api/alerts/rules").handler(this::list);
    router.get("/api/alerts/history").handler(this::history);
    router.get("/api/alerts/rules/:id").handler(this::get);
    router.put("/api/alerts/rules/:id").handler(this::update);
    router.delete("/api/alerts/rules/:id").handler(this::delete);
  }

  private void create(RoutingContext ctx) {
    Map<String, Object> body = JsonBody.object(ctx, false);
    AlertRule rule = AlertRuleInput.create(body, ids.next(), tenant(ctx), now(), new Validation());
    alerts
        .createRule(rule)
        .map(v -> AlertViews.ruleJson(rule))
        .onSuccess(json -> Responses.json(ctx, 201, json))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    alerts
        .listRules(tenant(ctx))
        .map(AlertViews::rules)
        .onSuccess(json -> Responses.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    found(ctx)
        .map(AlertViews::ruleJson)
        .onSuccess(json -> Responses.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    Map<String, Object> body = JsonBody.object(ctx, false);
    found(ctx)
        .map(old -> AlertRuleInput.update(old, body, now(), new Validation()))
        .compose(
            rule ->
                alerts
                    .updateRule(rule)
                    .map(
                        updated -> {
                          if (!updated) {
                            throw ApiException.notFound("Alert rule");
                          }
                          return AlertViews.ruleJson(rule);
                        }))
        .onSuccess(json -> Responses.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    alerts
        .deleteRule(tenant(ctx), id)
        .map(
            deleted -> {
              if (!deleted) {
                throw ApiException.notFound("Alert rule");
              }
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("id", id);
              m.put("deleted", true);
              return CanonicalJson.write(m);
            })
        .onSuccess(json -> Responses.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  /** {@code ruleId}, {@code limit} (default 50, clamped to 1–500), {@code offset} (≥ 0). */
  private void history(RoutingContext ctx) {
    String ruleId = QueryParams.string(ctx, "ruleId");
    int limit = QueryParams.clampedInt(ctx, "limit", 50, 1, 500, true);
    int offset = QueryParams.clampedInt(ctx, "offset", 0, 0, Integer.MAX_VALUE, false);
    alerts
        .history(tenant(ctx), ruleId, limit, offset)
        .map(AlertViews::historyPage)
        .onSuccess(json -> Responses.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  private Future<AlertRule> found(RoutingContext ctx) {
    return alerts
        .getRule(tenant(ctx), ctx.pathParam("id"))
        .map(r -> r.orElseThrow(() -> ApiException.notFound("Alert rule")));
  }

  private String now() {
    return Timestamps.format(clock.instant());
  }

  private static String tenant(RoutingContext ctx) {
    return AuthHandler.principal(ctx).tenantId();
  }
}
