package dev.agentlens.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * GET /api/sessions filters (reference §3.3): statuses and tags are OR-ed; order startedAt desc.
 */
public record SessionQuery(
    String tenantId,
    String agentId,
    List<String> statuses,
    String from,
    String to,
    List<String> tags,
    int limit,
    int offset) {

  public SessionQuery {
    Objects.requireNonNull(tenantId, "tenantId");
    statuses = statuses == null ? List.of() : List.copyOf(statuses);
    tags = tags == null ? List.of() : List.copyOf(tags);
    if (limit < 1 || limit > EventQuery.MAX_LIMIT) {
      throw new IllegalArgumentException("limit not in [1," + EventQuery.MAX_LIMIT + "]");
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset not >= 0");
    }
  }

  public static SessionQuery all(String tenantId) {
    return new SessionQuery(tenantId, null, null, null, null, null, EventQuery.DEFAULT_LIMIT, 0);
  }
}
