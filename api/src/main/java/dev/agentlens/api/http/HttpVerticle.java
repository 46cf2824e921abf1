package dev.agentlens.api.http;

import dev.agentlens.api.auth.AuthHandler;
import dev.agentlens.api.events.EventReadRoutes;
import dev.agentlens.api.events.IngestHandler;
import dev.agentlens.api.ingest.IngestParser;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/** One per event loop: the routes of the API on a shared port. Nothing here blocks. */
public final class HttpVerticle extends VerticleBase {

  private final HttpDeps deps;
  private HttpServer server;

  public HttpVerticle(HttpDeps deps) {
    this.deps = deps;
  }

  @Override
  public Future<?> start() {
    // The appender is created on this event loop (thread-confined) before the first request.
    deps.journal().prepareAppender();
    Router router = Router.router(vertx);
    FailureHandler failures = new FailureHandler(deps.config().httpMaxBody());
    router.get("/api/health").handler(new HealthRoute(deps)::handle);
    router
        .route("/api/*")
        .handler(
            BodyHandler.create(false)
                .setBodyLimit(deps.config().httpMaxBody())
                // One buffer sized from Content-Length: a 70 KiB batch is not grown by copying.
                .setPreallocateBodyBuffer(true)
                .setHandleFileUploads(false));
    router.route("/api/*").handler(new AuthHandler(deps.keys(), deps.config().authEnabled()));
    IngestParser parser =
        new IngestParser(deps.ids(), deps.clock(), deps.config().ingest().maxBatchEvents());
    router
        .post("/api/events")
        .handler(
            new IngestHandler(
                parser,
                deps.journal(),
                deps.metrics(),
                deps.waiters(),
                deps.store().events(),
                deps.config().ingest().maxBacklogEvents(),
                deps.diskLow()));
    new EventReadRoutes(deps.store()).mount(router);
    new dev.agentlens.api.retention.RetentionRoutes(vertx, deps.store().retention()).mount(router);
    new dev.agentlens.api.query.QueryRoutes(deps.store(), deps.clock()).mount(router);
    new dev.agentlens.api.admin.AdminRoutes(deps).mount(router);
    router
        .route("/api/*")
        .handler(
            ctx -> {
              throw new ApiException(404, "Not found");
            });
    router.route().failureHandler(failures);
    return vertx
        .createHttpServer(
            new HttpServerOptions()
                .setPort(deps.config().server().port())
                .setHost(deps.config().server().host())
                .setCompressionSupported(true)
                // No cleartext upgrade to HTTP/2: a POST with a body that asked for it (the JDK
                // client does by default) hung now and then, 19 of 200 fresh connections with a
                // 500-event batch. Such clients get plain HTTP/1.1.
                .setHttp2ClearTextEnabled(false))
        .requestHandler(router)
        .listen()
        .onSuccess(s -> server = s);
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
