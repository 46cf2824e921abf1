package dev.agentlens.engine.model;

/** One row of GET /api/analytics/tools (reference §6.2). */
public record ToolAnalytics(
    String toolName, long callCount, long errorCount, double errorRate, double avgDurationMs) {}
