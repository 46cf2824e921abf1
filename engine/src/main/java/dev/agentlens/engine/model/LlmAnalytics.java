package dev.agentlens.engine.model;

import java.util.List;

/** GET /api/analytics/llm (reference §6.2). */
public record LlmAnalytics(Summary summary, List<ByModel> byModel, List<ByTime> byTime) {
  public LlmAnalytics {
    byModel = List.copyOf(byModel);
    byTime = List.copyOf(byTime);
  }

  public record Summary(
      long totalCalls,
      double totalCostUsd,
      double totalInputTokens,
      double totalOutputTokens,
      double avgLatencyMs,
      double avgCostPerCall) {}

  public record ByModel(
      String provider,
      String model,
      long calls,
      double costUsd,
      double inputTokens,
      double outputTokens,
      double avgLatencyMs) {}

  public record ByTime(
      String bucket,
      long calls,
      double costUsd,
      double inputTokens,
      double outputTokens,
      double avgLatencyMs) {}
}
