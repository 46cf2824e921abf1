package dev.agentlens.api.query;

import dev.agentlens.engine.store.EventStore;
import io.vertx.ext.web.Router;
import java.time.Clock;

/**
 * The read and query routes of reference §3–§6 and §9 (SPEC §4): event and session lists, agents,
 * analytics and stats. Every handler reads the caller's tenant only, straight from the database.
 */
public final class QueryRoutes {

  private final EventStore store;
  private final Clock clock;

  public QueryRoutes(EventStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Exact paths only, so the :id routes mounted elsewhere never clash with these. */
  public void mount(Router router) {
    new EventQueryRoutes(store.events()).mount(router);
    new SessionRoutes(store.sessions()).mount(router);
    new AgentRoutes(store.agents()).mount(router);
    new AnalyticsRoutes(store.analytics(), clock).mount(router);
    new StatsRoutes(store.stats(), clock).mount(router);
  }
}
