package dev.agentlens.api.http;

import io.vertx.ext.web.RoutingContext;

/** Sending JSON text that the views already built. */
public final class Responses {
  private Responses() {}

  public static void json(RoutingContext ctx, int status, CharSequence body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body.toString());
  }

  public static void ok(RoutingContext ctx, CharSequence body) {
    json(ctx, 200, body);
  }
}
