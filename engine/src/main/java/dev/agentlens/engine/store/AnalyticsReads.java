package dev.agentlens.engine.store;

import dev.agentlens.engine.model.AgentAnalytics;
import dev.agentlens.engine.model.AnalyticsQuery;
import dev.agentlens.engine.model.AnalyticsResult;
import dev.agentlens.engine.model.CostAnalytics;
import dev.agentlens.engine.model.LlmAnalytics;
import dev.agentlens.engine.model.LlmQuery;
import dev.agentlens.engine.model.ToolAnalytics;
import io.vertx.core.Future;
import java.util.List;

/** Analytics over a window (reference §6); week buckets are ISO weeks on every backend. */
public interface AnalyticsReads {

  Future<AnalyticsResult> summary(AnalyticsQuery query);

  /**
   * Like {@link #summary} totals, restricted to sessions carrying any of {@code tags} (alert
   * scope); an empty tag list means no restriction.
   */
  Future<AnalyticsResult> summaryForTags(AnalyticsQuery query, List<String> tags);

  Future<CostAnalytics> costs(AnalyticsQuery query);

  Future<List<AgentAnalytics>> agents(AnalyticsQuery query);

  Future<List<ToolAnalytics>> tools(AnalyticsQuery query);

  Future<LlmAnalytics> llm(LlmQuery query);
}
