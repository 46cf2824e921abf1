package dev.agentlens.api.query;

import dev.agentlens.api.http.JsonViews;
import dev.agentlens.api.http.QueryParams;
import dev.agentlens.api.http.Responses;
import dev.agentlens.engine.model.EventQuery;
import dev.agentlens.engine.model.SortOrder;
import dev.agentlens.engine.store.EventReads;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** GET /api/events: every filter of reference §5, answered as {@code {events,total,hasMore}}. */
final class EventQueryRoutes {

  private final EventReads events;

  EventQueryRoutes(EventReads events) {
    this.events = events;
  }

  void mount(Router router) {
    // An exact path: GET /api/events/:id (EventReadRoutes) is a different route.
    router.get("/api/events").handler(this::list);
  }

  private void list(RoutingContext ctx) {
    EventQuery query = query(ctx);
    events
        .query(query)
        .map(page -> Paging.page("events", page, JsonViews::event))
        .onSuccess(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  static EventQuery query(RoutingContext ctx) {
    return new EventQuery(
        Paging.tenant(ctx),
        QueryParams.string(ctx, "sessionId"),
        QueryParams.string(ctx, "agentId"),
        QueryParams.list(ctx, "eventType"),
        QueryParams.list(ctx, "severity"),
        QueryParams.timestamp(ctx, "from"),
        QueryParams.timestamp(ctx, "to"),
        QueryParams.string(ctx, "search"),
        QueryParams.bool(ctx, "excludeMetrics", false),
        SortOrder.fromWire(QueryParams.string(ctx, "order")),
        Paging.limit(ctx),
        Paging.offset(ctx));
  }
}
