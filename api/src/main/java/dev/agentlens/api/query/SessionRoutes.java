package dev.agentlens.api.query;

import dev.agentlens.api.http.JsonViews;
import dev.agentlens.api.http.QueryParams;
import dev.agentlens.api.http.Responses;
import dev.agentlens.engine.model.SessionQuery;
import dev.agentlens.engine.store.SessionReads;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * GET /api/sessions (reference §3.3): {@code {sessions,total,hasMore}}, or {@code {count}} with
 * {@code countOnly=true}. Status includes the derived {@code idle}; tags are OR-ed.
 */
final class SessionRoutes {

  private final SessionReads sessions;

  SessionRoutes(SessionReads sessions) {
    this.sessions = sessions;
  }

  void mount(Router router) {
    // An exact path: /api/sessions/:id and /timeline are EventReadRoutes'.
    router.get("/api/sessions").handler(this::list);
  }

  private void list(RoutingContext ctx) {
    SessionQuery query =
        new SessionQuery(
            Paging.tenant(ctx),
            QueryParams.string(ctx, "agentId"),
            QueryParams.list(ctx, "status"),
            QueryParams.timestamp(ctx, "from"),
            QueryParams.timestamp(ctx, "to"),
            QueryParams.list(ctx, "tags"),
            Paging.limit(ctx),
            Paging.offset(ctx));
    if (QueryParams.bool(ctx, "countOnly", false)) {
      sessions
          .count(query)
          .map(n -> new JsonText(32).beginObject().member("count", n).endObject().toString())
          .onSuccess(body -> Responses.ok(ctx, body))
          .onFailure(ctx::fail);
      return;
    }
    sessions
        .query(query)
        .map(page -> Paging.page("sessions", page, JsonViews::session))
        .onSuccess(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }
}
