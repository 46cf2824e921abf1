package dev.agentlens.engine.model;

/**
 * GET /api/stats (reference §9): counts of one tenant, min/max event timestamp (null when none),
 * and the size of the whole database.
 */
public record StorageStats(
    long totalEvents,
    long totalSessions,
    long totalAgents,
    String oldestEvent,
    String newestEvent,
    long storageSizeBytes) {}
