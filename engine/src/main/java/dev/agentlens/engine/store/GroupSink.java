package dev.agentlens.engine.store;

/** Receives the summary sums of one (session, agent) group of GET /api/analytics. */
@FunctionalInterface
public interface GroupSink {
  void add(String sessionId, String agentId, GroupSums sums);
}
