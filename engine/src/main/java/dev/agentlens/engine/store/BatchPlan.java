package dev.agentlens.engine.store;

import java.util.List;

/**
 * Everything one drain transaction writes, computed without touching the database: events with
 * their chain fields, the new state of each touched session, agent upserts, and skipped duplicates.
 */
public record BatchPlan(
    List<PlannedEvent> events,
    List<SessionState> sessions,
    List<AgentTouch> agents,
    List<String> duplicateIds) {}
