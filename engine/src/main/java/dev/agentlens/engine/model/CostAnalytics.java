package dev.agentlens.engine.model;

import java.util.List;
import java.util.Map;

/** GET /api/analytics/costs over cost_tracked and llm_response events (reference §6.2). */
public record CostAnalytics(
    List<ByAgent> byAgent,
    List<ByModel> byModel,
    List<BySession> bySession,
    List<ByTool> byTool,
    List<OverTime> overTime,
    Totals totals) {

  public CostAnalytics {
    byAgent = List.copyOf(byAgent);
    byModel = List.copyOf(byModel);
    bySession = List.copyOf(bySession);
    byTool = List.copyOf(byTool);
    overTime = List.copyOf(overTime);
  }

  public record ByAgent(
      String agentId,
      double totalCostUsd,
      double totalInputTokens,
      double totalOutputTokens,
      double totalTokens,
      double cacheReadTokens,
      double cacheWriteTokens,
      long eventCount) {}

  public record ByModel(String model, double totalCostUsd, long eventCount) {}

  public record BySession(String sessionId, double totalCostUsd, long eventCount) {}

  public record ByTool(String toolName, double totalCostUsd, long eventCount) {}

  public record OverTime(
      String bucket, double totalCostUsd, long eventCount, Map<String, Double> byAgent) {
    public OverTime {
      byAgent = Map.copyOf(byAgent);
    }
  }

  public record Totals(
      double totalCostUsd, double totalInputTokens, double totalOutputTokens, double totalTokens) {}
}
