package dev.agentlens.api.admin;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import io.vertx.ext.web.Router;
import java.util.Optional;

/**
 * The router the HTTP verticles built, published per Vert.x instance so its routes can be listed
 * and compared with the OpenAPI document without reflection. Every verticle builds the same routes,
 * so the first one is kept.
 */
public final class RouteCatalog {

  private static final String MAP = "agentlens.routes";

  private record Ref(Router router) implements Shareable {}

  private RouteCatalog() {}

  static void publish(Vertx vertx, Router router) {
    LocalMap<String, Ref> map = vertx.sharedData().getLocalMap(MAP);
    map.putIfAbsent("api", new Ref(router));
  }

  /** The published router, once an HTTP verticle has started. */
  public static Optional<Router> router(Vertx vertx) {
    LocalMap<String, Ref> map = vertx.sharedData().getLocalMap(MAP);
    Ref ref = map.get("api");
    return ref == null ? Optional.empty() : Optional.of(ref.router());
  }
}
