package dev.agentlens.api.query;

import dev.agentlens.api.auth.AuthHandler;
import dev.agentlens.api.http.QueryParams;
import dev.agentlens.engine.model.EventQuery;
import dev.agentlens.engine.model.Page;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BiConsumer;

/** What the list routes share: the caller's tenant, limit/offset clamping, the page shape. */
final class Paging {
  private Paging() {}

  static String tenant(RoutingContext ctx) {
    return AuthHandler.principal(ctx).tenantId();
  }

  /**
   * Missing or 0 → 50; negative → 1; above 500 → 500; not an integer → 400 (reference §3.3, §5).
   */
  static int limit(RoutingContext ctx) {
    return QueryParams.clampedInt(
        ctx, "limit", EventQuery.DEFAULT_LIMIT, 1, EventQuery.MAX_LIMIT, true);
  }

  /** Missing → 0; negative → 0; not an integer → 400. */
  static int offset(RoutingContext ctx) {
    return QueryParams.clampedInt(ctx, "offset", 0, 0, Integer.MAX_VALUE, false);
  }

  /** {@code {"<name>":[…],"total":n,"hasMore":bool}}. */
  static <T> String page(String name, Page<T> page, BiConsumer<T, StringBuilder> view) {
    JsonText json = new JsonText(256 + page.items().size() * 768);
    json.beginObject().key(name).beginArray();
    for (T item : page.items()) {
      json.raw(sb -> view.accept(item, sb));
    }
    return json.endArray()
        .member("total", page.total())
        .member("hasMore", page.hasMore())
        .endObject()
        .toString();
  }
}
