package dev.agentlens.api.auth;

import dev.agentlens.api.auth.Role.Category;
import dev.agentlens.api.http.ApiException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer {@code als_} key authentication from the in-memory cache, then the route guard of
 * reference §11.1. Puts the {@link Principal} in the routing context for the handlers.
 */
public final class AuthHandler implements Handler<RoutingContext> {

  public static final String PRINCIPAL = "agentlens.principal";

  private final ApiKeyCache keys;
  private final boolean enabled;

  public AuthHandler(ApiKeyCache keys, boolean enabled) {
    this.keys = keys;
    this.enabled = enabled;
  }

  public static Principal principal(RoutingContext ctx) {
    return ctx.get(PRINCIPAL);
  }

  @Override
  public void handle(RoutingContext ctx) {
    Principal p =
        enabled ? authenticate(ctx.request().getHeader("Authorization")) : Principal.LOCAL;
    Category needed = category(ctx.request().method(), ctx.request().path());
    if (!p.role().may(needed)) {
      throw new ApiException(
          403,
          new JsonObject()
              .put("error", "Insufficient permissions")
              .put("hint", "This route needs the " + needed.name().toLowerCase() + " permission.")
              .put("required", Role.minimumFor(needed).wire())
              .put("current", p.role().wire()));
    }
    ctx.put(PRINCIPAL, p);
    ctx.next();
  }

  private Principal authenticate(String header) {
    if (header == null || !header.startsWith("Bearer ") || header.length() == 7) {
      throw new ApiException(
          401,
          new JsonObject()
              .put("error", "Authentication required")
              .put(
                  "hint",
                  "Provide an API key via 'Authorization: Bearer als_...' header, or log in via"
                      + " /auth/login")
              .put("docs", "/docs/authentication"));
    }
    String token = header.substring(7).trim();
    ApiKeyCache.Lookup result =
        token.startsWith("als_") ? keys.lookup(token) : new ApiKeyCache.Lookup.Invalid();
    if (result instanceof ApiKeyCache.Lookup.Ok ok) {
      return ok.principal();
    }
    if (result instanceof ApiKeyCache.Lookup.Expired) {
      throw new ApiException(
          401,
          new JsonObject()
              .put("error", "API key expired")
              .put(
                  "hint",
                  "This API key has been rotated and is no longer valid. Please use the new key."));
    }
    throw new ApiException(
        401,
        new JsonObject()
            .put("error", "Invalid or revoked API key")
            .put("hint", "This API key is no longer valid. Generate a new key at /api/keys."));
  }

  /** Reference §11.1 guards. */
  static Category category(HttpMethod method, String path) {
    boolean safe =
        method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
    if (path.startsWith("/api/keys")) {
      return Category.MANAGE;
    }
    if (path.startsWith("/api/config")) {
      return safe ? Category.READ : Category.MANAGE;
    }
    if (path.startsWith("/api/audit")) {
      return Category.AUDIT;
    }
    if (path.startsWith("/api/retention") && !safe) {
      return Category.MANAGE;
    }
    return safe ? Category.READ : Category.WRITE;
  }
}
