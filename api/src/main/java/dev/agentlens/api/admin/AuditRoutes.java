package dev.agentlens.api.admin;

import dev.agentlens.api.auth.AuthHandler;
import dev.agentlens.api.http.ApiException;
import dev.agentlens.api.http.QueryParams;
import dev.agentlens.api.http.Responses;
import dev.agentlens.engine.model.TimeWindow;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/audit/verify?sessionId=…} or {@code ?from=&to=} (SPEC §3); the audit guard (role
 * auditor or admin) is in {@link AuthHandler}. {@code to} defaults to now; a sessionId together
 * with a window is refused as ambiguous.
 */
final class AuditRoutes {

  private final AuditReports reports;

  AuditRoutes(AuditReports reports) {
    this.reports = reports;
  }

  void mount(Router router) {
    router.get("/api/audit/verify").handler(this::verify);
  }

  private void verify(RoutingContext ctx) {
    String tenant = AuthHandler.principal(ctx).tenantId();
    String sessionId = QueryParams.string(ctx, "sessionId");
    String from = QueryParams.timestamp(ctx, "from");
    String to = QueryParams.timestamp(ctx, "to");
    if (sessionId != null) {
      if (from != null || to != null) {
        throw ApiException.badRequest("sessionId", "Give either sessionId or from/to, not both");
      }
      reports
          .session(tenant, sessionId)
          .onSuccess(r -> Responses.ok(ctx, r.json()))
          .onFailure(ctx::fail);
      return;
    }
    if (from == null) {
      throw ApiException.badRequest(
          to == null ? "sessionId" : "from",
          to == null ? "Required: sessionId, or from (and optionally to)" : "Required with to");
    }
    String end = to == null ? reports.now() : to;
    if (from.compareTo(end) > 0) {
      throw ApiException.badRequest("from", "Must not be after to");
    }
    reports
        .window(tenant, new TimeWindow(from, end))
        .onSuccess(r -> Responses.ok(ctx, r.json()))
        .onFailure(ctx::fail);
  }
}
