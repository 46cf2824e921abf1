package dev.agentlens.api.admin;

import dev.agentlens.api.auth.ApiKeyCache;
import dev.agentlens.api.auth.AuthHandler;
import dev.agentlens.api.auth.Principal;
import dev.agentlens.api.http.Responses;
import dev.agentlens.engine.store.ApiKeyStore;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The keys API (reference §11.2, SPEC §5); the manage guard is in {@link AuthHandler}. Changes go
 * to the in-memory cache at once, so a revoked key is refused on the very next request.
 */
final class KeyRoutes {

  private final KeyAdmin admin;
  private final ApiKeyCache cache;
  private final ApiKeyStore store;
  private final boolean authEnabled;

  KeyRoutes(ApiKeyStore store, ApiKeyCache cache, Clock clock, boolean authEnabled) {
    this.admin = new KeyAdmin(store, cache::put, clock);
    this.cache = cache;
    this.store = store;
    this.authEnabled = authEnabled;
  }

  void mount(Router router) {
    router.post("/api/keys").handler(this::create);
    router.get("/api/keys").handler(this::list);
    router.delete("/api/keys/:id").handler(this::revoke);
    router.post("/api/keys/:id/rotate").handler(this::rotate);
  }

  /** {@code tenantId} in the body is honoured only with auth disabled (upstream). */
  private void create(RoutingContext ctx) {
    Map<String, Object> body = JsonBody.object(ctx, true);
    KeyAdmin.validate(body);
    Object tenantId = body.get("tenantId");
    Principal p = AuthHandler.principal(ctx);
    String tenant = !authEnabled && tenantId != null ? (String) tenantId : p.tenantId();
    @SuppressWarnings("unchecked")
    List<String> scopes = (List<String>) body.get("scopes");
    admin
        .create((String) body.get("name"), scopes, tenant)
        .map(KeyViews::created)
        .onSuccess(json -> Responses.json(ctx, 201, json))
        .onFailure(ctx::fail);
  }

  /** Last-used times are flushed first, so the list shows this very request's key as used. */
  private void list(RoutingContext ctx) {
    String tenant = AuthHandler.principal(ctx).tenantId();
    cache
        .flushLastUsed(store)
        .compose(v -> admin.list(tenant))
        .map(KeyViews::list)
        .onSuccess(json -> Responses.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  private void revoke(RoutingContext ctx) {
    admin
        .revoke(AuthHandler.principal(ctx).tenantId(), ctx.pathParam("id"))
        .map(KeyViews::revoked)
        .onSuccess(json -> Responses.ok(ctx, json))
        .onFailure(ctx::fail);
  }

  private void rotate(RoutingContext ctx) {
    admin
        .rotate(AuthHandler.principal(ctx).tenantId(), ctx.pathParam("id"))
        .map(KeyViews::rotated)
        .onSuccess(json -> Responses.json(ctx, 201, json))
        .onFailure(ctx::fail);
  }
}
