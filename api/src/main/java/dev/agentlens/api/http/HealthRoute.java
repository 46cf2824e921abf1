package dev.agentlens.api.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** GET /api/health, no auth: process, database and journal state (SPEC §9). */
final class HealthRoute {
  static final String VERSION = "0.1.0";

  private final HttpDeps deps;

  HealthRoute(HttpDeps deps) {
    this.deps = deps;
  }

  void handle(RoutingContext ctx) {
    long start = System.nanoTime();
    deps.store()
        .ping()
        .transform(
            ar -> {
              boolean dbOk = ar.succeeded();
              JsonObject body =
                  new JsonObject()
                      .put("status", dbOk ? "ok" : "degraded")
                      .put("version", VERSION)
                      .put(
                          "db",
                          new JsonObject()
                              .put("ok", dbOk)
                              .put(
                                  "dialect", deps.config().storage().dialect().name().toLowerCase())
                              .put("latencyMs", (System.nanoTime() - start) / 1_000_000.0))
                      .put(
                          "journal",
                          new JsonObject()
                              .put("backlog", deps.metrics().backlog())
                              .put("committedIndex", deps.metrics().committedIndex())
                              .put("lastIndex", deps.journal().lastIndex())
                              .put("sync", deps.config().journal().sync().name().toLowerCase())
                              .put("diskLow", deps.diskLow().getAsBoolean()));
              return io.vertx.core.Future.succeededFuture(body);
            })
        .onSuccess(body -> Responses.json(ctx, 200, body.encode()));
  }
}
