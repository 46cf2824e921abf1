package dev.agentlens.engine.store;

/**
 * What a drain batch tells about one agent: the name it gets if it is new (fixed at creation,
 * reference §4) and the earliest and latest event times seen.
 */
public record AgentTouch(
    String tenantId, String agentId, String name, String firstSeenAt, String lastSeenAt) {

  AgentTouch widen(String ts) {
    String first = ts.compareTo(firstSeenAt) < 0 ? ts : firstSeenAt;
    String last = ts.compareTo(lastSeenAt) > 0 ? ts : lastSeenAt;
    return new AgentTouch(tenantId, agentId, name, first, last);
  }
}
