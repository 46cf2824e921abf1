package dev.agentlens.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * GET /api/events filters (reference §5). Null means "no filter"; lists are OR-ed. {@code search}
 * is a substring of the stored payload JSON text (at most 500 chars, ASCII case-insensitive).
 */
public record EventQuery(
    String tenantId,
    String sessionId,
    String agentId,
    List<String> eventTypes,
    List<String> severities,
    String from,
    String to,
    String search,
    boolean excludeMetrics,
    SortOrder order,
    int limit,
    int offset) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;
  public static final int MAX_SEARCH = 500;

  public EventQuery {
    Objects.requireNonNull(tenantId, "tenantId");
    eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
    severities = severities == null ? List.of() : List.copyOf(severities);
    order = order == null ? SortOrder.DESC : order;
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit not in [1," + MAX_LIMIT + "]");
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset not >= 0");
    }
    if (search != null && search.length() > MAX_SEARCH) {
      search = search.substring(0, MAX_SEARCH);
    }
    if (search != null && search.isEmpty()) {
      search = null;
    }
  }

  /** Everything of one tenant, newest first, first page. */
  public static EventQuery all(String tenantId) {
    return new EventQuery(
        tenantId,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        false,
        SortOrder.DESC,
        DEFAULT_LIMIT,
        0);
  }

  public EventQuery withPage(int newLimit, int newOffset) {
    return new EventQuery(
        tenantId,
        sessionId,
        agentId,
        eventTypes,
        severities,
        from,
        to,
        search,
        excludeMetrics,
        order,
        newLimit,
        newOffset);
  }

  /** The same filters over another window. */
  public EventQuery withWindow(String newFrom, String newTo) {
    return new EventQuery(
        tenantId,
        sessionId,
        agentId,
        eventTypes,
        severities,
        newFrom,
        newTo,
        search,
        excludeMetrics,
        order,
        limit,
        offset);
  }
}
