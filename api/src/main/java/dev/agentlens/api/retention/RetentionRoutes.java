package dev.agentlens.api.retention;

import dev.agentlens.api.http.ApiException;
import dev.agentlens.api.http.QueryParams;
import dev.agentlens.api.http.Responses;
import dev.agentlens.engine.retention.RetentionEngine;
import dev.agentlens.engine.retention.RetentionReport;
import dev.agentlens.engine.store.RetentionStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * {@code POST /api/retention/run} (admin, by the route guard): asks the retention engine for a run
 * on the local event bus and answers with the run's report once it is done (500 with the report
 * when the run failed). {@code GET /api/retention/runs?limit=} (1–500, default 50): the recorded
 * runs, newest first. Retention is global, so neither is scoped to the caller's tenant.
 */
public final class RetentionRoutes {

  /** A purge of millions of events takes minutes; the request waits for its report this long. */
  private static final long RUN_TIMEOUT_MS = Duration.ofHours(1).toMillis();

  private final Vertx vertx;
  private final RetentionStore store;

  public RetentionRoutes(Vertx vertx, RetentionStore store) {
    this.vertx = vertx;
    this.store = store;
  }

  public void mount(Router router) {
    router.post("/api/retention/run").handler(this::run);
    router.get("/api/retention/runs").handler(this::runs);
  }

  private void run(RoutingContext ctx) {
    vertx
        .eventBus()
        .<RetentionReport>request(
            RetentionEngine.RUN_ADDRESS,
            null,
            new DeliveryOptions().setSendTimeout(RUN_TIMEOUT_MS).setLocalOnly(true))
        .recover(RetentionRoutes::engineUnavailable)
        .map(reply -> answer(reply.body()))
        .onSuccess(body -> Responses.ok(ctx, body.encode()))
        .onFailure(ctx::fail);
  }

  private static JsonObject answer(RetentionReport report) {
    JsonObject json = RetentionJson.report(report);
    if (!report.skipped() && report.run().error() != null) {
      throw new ApiException(
          500, new JsonObject().put("error", "Retention run failed").put("report", json));
    }
    return json;
  }

  private static Future<Message<RetentionReport>> engineUnavailable(Throwable failure) {
    if (failure instanceof ReplyException r && r.failureType() == ReplyFailure.NO_HANDLERS) {
      return Future.failedFuture(new ApiException(503, "Retention engine not running"));
    }
    if (failure instanceof ReplyException r && r.failureType() == ReplyFailure.TIMEOUT) {
      return Future.failedFuture(
          new ApiException(504, "Retention run still in progress; see GET /api/retention/runs"));
    }
    return Future.failedFuture(failure);
  }

  private void runs(RoutingContext ctx) {
    int limit = QueryParams.clampedInt(ctx, "limit", 50, 1, 500, true);
    store
        .runs(limit)
        .map(RetentionJson::runs)
        .onSuccess(body -> Responses.ok(ctx, body.encode()))
        .onFailure(ctx::fail);
  }
}
