package dev.agentlens.engine.model;

/** Totals of GET /api/analytics over the whole window (reference §6.1). */
public record AnalyticsTotals(
    long eventCount,
    long toolCallCount,
    long errorCount,
    double avgLatencyMs,
    double totalCostUsd,
    long uniqueSessions,
    long uniqueAgents) {}
