package dev.agentlens.engine.model;

/**
 * One non-empty bucket of GET /api/analytics (reference §6.1); the wire key of the label is
 * "timestamp".
 */
public record AnalyticsBucket(
    String timestamp,
    long eventCount,
    long toolCallCount,
    long errorCount,
    double avgLatencyMs,
    double totalCostUsd,
    long uniqueSessions) {}
