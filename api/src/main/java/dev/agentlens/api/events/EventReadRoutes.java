package dev.agentlens.api.events;

import dev.agentlens.api.auth.AuthHandler;
import dev.agentlens.api.http.ApiException;
import dev.agentlens.api.http.JsonViews;
import dev.agentlens.api.http.Responses;
import dev.agentlens.engine.store.EventStore;
import dev.agentlens.engine.store.TimelineWalk;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Single event, single session and session timeline reads (reference §3, §5, SPEC §3). */
public final class EventReadRoutes {

  private final EventStore store;

  public EventReadRoutes(EventStore store) {
    this.store = store;
  }

  public void mount(Router router) {
    router.get("/api/events/:id").handler(this::event);
    router.get("/api/sessions/:id/timeline").handler(this::timeline);
    router.get("/api/sessions/:id").handler(this::session);
  }

  private void event(RoutingContext ctx) {
    store
        .events()
        .get(tenant(ctx), ctx.pathParam("id"))
        .map(found -> JsonViews.event(found.orElseThrow(() -> ApiException.notFound("Event"))))
        .onSuccess(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void session(RoutingContext ctx) {
    store
        .sessions()
        .get(tenant(ctx), ctx.pathParam("id"))
        .map(found -> JsonViews.session(found.orElseThrow(() -> ApiException.notFound("Session"))))
        .onSuccess(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void timeline(RoutingContext ctx) {
    String tenantId = tenant(ctx);
    String sessionId = ctx.pathParam("id");
    store
        .events()
        .timelineHead(tenantId, sessionId, TimelineWalk.PAGE)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("Session")))
        .onSuccess(
            head ->
                TimelineResponse.send(ctx.response(), store.events(), tenantId, sessionId, head))
        .onFailure(ctx::fail);
  }

  private static String tenant(RoutingContext ctx) {
    return AuthHandler.principal(ctx).tenantId();
  }
}
