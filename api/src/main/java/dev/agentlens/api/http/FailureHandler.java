package dev.agentlens.api.http;

import dev.agentlens.api.ingest.IngestValidationException;
import dev.agentlens.api.ingest.InvalidJsonException;
import dev.agentlens.api.ingest.ValidationIssue;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place that maps failures to HTTP statuses and the {@code {"error","status","details"?}}
 * body (reference §11.1). Anything unexpected is a logged 500 without internals in the body.
 */
public final class FailureHandler implements Handler<RoutingContext> {

  private static final Logger LOG = Logger.getLogger(FailureHandler.class.getName());
  private final long maxBody;

  public FailureHandler(long maxBody) {
    this.maxBody = maxBody;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Throwable f = ctx.failure();
    int status;
    JsonObject body;
    if (f instanceof ApiException api) {
      status = api.status();
      body = api.body();
    } else if (f instanceof InvalidJsonException) {
      status = 400;
      body = error("Invalid JSON body", 400);
    } else if (f instanceof IngestValidationException v) {
      status = 400;
      JsonArray details = new JsonArray();
      for (ValidationIssue i : v.details()) {
        details.add(new JsonObject().put("path", i.path()).put("message", i.message()));
      }
      body = error("Validation failed", 400).put("details", details);
    } else if (f == null && ctx.statusCode() == 413) {
      status = 413;
      body = error("Request body too large", 413).put("maxSize", humanSize(maxBody));
    } else if (f == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      status = ctx.statusCode();
      body = error(status == 404 ? "Not found" : "Bad request", status);
    } else {
      status = 500;
      body = error("Internal server error", 500);
      LOG.log(Level.WARNING, "unhandled failure on " + ctx.request().path(), f);
    }
    if (ctx.response().ended()) {
      return;
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    if (body.containsKey("retryAfterSeconds")) {
      ctx.response().putHeader("Retry-After", String.valueOf(body.getValue("retryAfterSeconds")));
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body.encode());
  }

  static JsonObject error(String message, int status) {
    return new JsonObject().put("error", message).put("status", status);
  }

  static String humanSize(long bytes) {
    if (bytes % (1 << 20) == 0) {
      return (bytes >> 20) + "MB";
    }
    if (bytes % (1 << 10) == 0) {
      return (bytes >> 10) + "KB";
    }
    return bytes + "B";
  }
}
