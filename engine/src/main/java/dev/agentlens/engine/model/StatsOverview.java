package dev.agentlens.engine.model;

/** GET /api/stats/overview: a window compared with the previous one (reference §9). */
public record StatsOverview(
    long eventsTodayCount,
    long eventsYesterdayCount,
    long errorsTodayCount,
    long errorsYesterdayCount,
    long sessionsTodayCount,
    long sessionsYesterdayCount,
    long totalAgents,
    double errorRate) {}
