package dev.agentlens.engine.model;

/** One row of GET /api/analytics/agents (sessions started in the window, reference §6.2). */
public record AgentAnalytics(
    String agentId,
    long sessionCount,
    long totalEvents,
    long totalErrors,
    double errorRate,
    double totalCostUsd,
    double avgDurationMs) {}
