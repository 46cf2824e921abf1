package dev.agentlens.api.query;

import dev.agentlens.api.http.ApiException;
import dev.agentlens.api.http.JsonViews;
import dev.agentlens.api.http.Responses;
import dev.agentlens.engine.model.Agent;
import dev.agentlens.engine.store.AgentReads;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** GET /api/agents ({@code {agents:[…]}}, lastSeenAt desc) and GET /api/agents/:id (§4). */
final class AgentRoutes {

  private final AgentReads agents;

  AgentRoutes(AgentReads agents) {
    this.agents = agents;
  }

  void mount(Router router) {
    router.get("/api/agents").handler(this::list);
    router.get("/api/agents/:id").handler(this::one);
  }

  private void list(RoutingContext ctx) {
    agents
        .list(Paging.tenant(ctx))
        .map(AgentRoutes::listJson)
        .onSuccess(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void one(RoutingContext ctx) {
    agents
        .get(Paging.tenant(ctx), ctx.pathParam("id"))
        .map(found -> found.orElseThrow(() -> ApiException.notFound("Agent")))
        .map(AgentRoutes::agentJson)
        .onSuccess(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private static String listJson(List<Agent> list) {
    JsonText json = new JsonText(64 + list.size() * 256);
    json.beginObject().key("agents").beginArray();
    for (Agent a : list) {
      json.raw(sb -> JsonViews.agent(a, sb));
    }
    return json.endArray().endObject().toString();
  }

  private static String agentJson(Agent a) {
    StringBuilder sb = new StringBuilder(256);
    JsonViews.agent(a, sb);
    return sb.toString();
  }
}
