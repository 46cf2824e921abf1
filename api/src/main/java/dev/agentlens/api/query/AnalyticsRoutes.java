package dev.agentlens.api.query;

import dev.agentlens.api.http.QueryParams;
import dev.agentlens.api.http.Responses;
import dev.agentlens.engine.model.AnalyticsQuery;
import dev.agentlens.engine.model.Granularity;
import dev.agentlens.engine.model.LlmQuery;
import dev.agentlens.engine.store.AnalyticsReads;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;

/**
 * GET /api/analytics and /costs, /agents, /tools, /llm (reference §6), tenant-scoped, window per
 * {@link AnalyticsWindow}, answered in the upstream shapes of {@link AnalyticsViews}.
 */
final class AnalyticsRoutes {

  private final AnalyticsReads analytics;
  private final Clock clock;

  AnalyticsRoutes(AnalyticsReads analytics, Clock clock) {
    this.analytics = analytics;
    this.clock = clock;
  }

  void mount(Router router) {
    router.get("/api/analytics").handler(this::summary);
    router.get("/api/analytics/costs").handler(this::costs);
    router.get("/api/analytics/agents").handler(this::agents);
    router.get("/api/analytics/tools").handler(this::tools);
    router.get("/api/analytics/llm").handler(this::llm);
  }

  private void summary(RoutingContext ctx) {
    AnalyticsQuery q = query(ctx, Granularity.HOUR);
    respond(ctx, analytics.summary(q).map(AnalyticsViews::summary));
  }

  /** Upstream does not validate the granularity here; we do, like everywhere else (SPEC §4). */
  private void costs(RoutingContext ctx) {
    AnalyticsQuery q = query(ctx, Granularity.DAY);
    respond(ctx, analytics.costs(q).map(AnalyticsViews::costs));
  }

  private void agents(RoutingContext ctx) {
    AnalyticsQuery q = query(ctx, Granularity.HOUR);
    respond(ctx, analytics.agents(q).map(AnalyticsViews::agents));
  }

  private void tools(RoutingContext ctx) {
    AnalyticsQuery q = query(ctx, Granularity.HOUR);
    respond(ctx, analytics.tools(q).map(AnalyticsViews::tools));
  }

  private void llm(RoutingContext ctx) {
    AnalyticsWindow w = AnalyticsWindow.of(ctx, clock);
    LlmQuery q =
        new LlmQuery(
            Paging.tenant(ctx),
            w.from(),
            w.to(),
            AnalyticsWindow.granularity(ctx, Granularity.HOUR),
            QueryParams.string(ctx, "agentId"),
            QueryParams.string(ctx, "model"),
            QueryParams.string(ctx, "provider"));
    respond(ctx, analytics.llm(q).map(AnalyticsViews::llm));
  }

  private AnalyticsQuery query(RoutingContext ctx, Granularity dflt) {
    AnalyticsWindow w = AnalyticsWindow.of(ctx, clock);
    return new AnalyticsQuery(
        Paging.tenant(ctx),
        w.from(),
        w.to(),
        AnalyticsWindow.granularity(ctx, dflt),
        QueryParams.string(ctx, "agentId"),
        false);
  }

  private static void respond(RoutingContext ctx, Future<String> body) {
    body.onSuccess(b -> Responses.ok(ctx, b)).onFailure(ctx::fail);
  }
}
