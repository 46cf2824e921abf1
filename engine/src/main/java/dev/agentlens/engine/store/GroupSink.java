package dev.agentlens.engine.store;

/** Receives the summary sums of one (session, agent) group of GET /api/analytics. */
@FunctionalInterface
public interface GroupSink {
  void add(
      String sessionId,
      String agentId,
      long events,
      long toolCalls,
      long errors,
      double latencySum,
      long latencyCount,
      double costUsd);
}
