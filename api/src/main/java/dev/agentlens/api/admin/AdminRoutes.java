package dev.agentlens.api.admin;

import dev.agentlens.api.http.HttpDeps;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * The administration routes of reference §7 and §11.2 (alert rules and history, keys, config,
 * audit) and the OpenAPI document. Mounted once per HTTP verticle, after the auth handler.
 */
public final class AdminRoutes {

  private final HttpDeps deps;

  public AdminRoutes(HttpDeps deps) {
    this.deps = deps;
  }

  /** Called from a verticle's start, on its context. */
  public void mount(Router router) {
    new AlertRoutes(deps.store().alerts(), deps.ids(), deps.clock()).mount(router);
    new KeyRoutes(deps.store().keys(), deps.keys(), deps.clock(), deps.config().authEnabled())
        .mount(router);
    new ConfigRoutes(deps.store().config(), deps.config().retention().days()).mount(router);
    new AuditRoutes(
            new AuditReports(deps.store().events(), deps.config().auditSigningKey(), deps.clock()))
        .mount(router);
    new OpenApiRoute().mount(router);
    RouteCatalog.publish(Vertx.currentContext().owner(), router);
  }
}
