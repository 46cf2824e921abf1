package dev.agentlens.api.http;

import io.vertx.core.json.JsonObject;

/**
 * A client-visible failure: status and the JSON body to send (always with "error" and "status").
 * Stackless: it is control flow, not a bug.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient JsonObject body;

  public ApiException(int status, JsonObject body) {
    super(body.getString("error"), null, false, false);
    this.status = status;
    this.body = body.copy().put("status", status);
  }

  public ApiException(int status, String error) {
    this(status, new JsonObject().put("error", error));
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, what + " not found");
  }

  public static ApiException badRequest(String parameter, String rule) {
    return new ApiException(
        400,
        new JsonObject()
            .put("error", "Validation failed")
            .put(
                "details",
                new io.vertx.core.json.JsonArray()
                    .add(new JsonObject().put("path", parameter).put("message", rule))));
  }

  public int status() {
    return status;
  }

  public JsonObject body() {
    return body.copy();
  }
}
