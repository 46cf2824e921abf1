package dev.agentlens.api.admin;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/openapi.json} (auth required, like upstream): the OpenAPI 3.0 document of every
 * route, kept as the resource {@value #RESOURCE}. A test compares it with the routes the router
 * really has, so it cannot fall behind.
 */
public final class OpenApiRoute {

  public static final String RESOURCE = "/openapi.json";

  private static final Buffer DOCUMENT = load();

  void mount(Router router) {
    router.get("/api/openapi.json").handler(this::handle);
  }

  private void handle(RoutingContext ctx) {
    ctx.response()
        .setStatusCode(200)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(DOCUMENT);
  }

  /** The document's text. */
  public static String document() {
    return DOCUMENT.toString();
  }

  private static Buffer load() {
    try (InputStream in = OpenApiRoute.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
