package dev.agentlens.api.query;

import dev.agentlens.engine.model.AgentAnalytics;
import dev.agentlens.engine.model.AnalyticsBucket;
import dev.agentlens.engine.model.AnalyticsResult;
import dev.agentlens.engine.model.AnalyticsTotals;
import dev.agentlens.engine.model.CostAnalytics;
import dev.agentlens.engine.model.LlmAnalytics;
import dev.agentlens.engine.model.ToolAnalytics;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Wire JSON of the analytics results, keys in the upstream order (reference §6). */
final class AnalyticsViews {
  private AnalyticsViews() {}

  static String summary(AnalyticsResult r) {
    JsonText json = new JsonText(256 + r.buckets().size() * 192);
    json.beginObject().key("buckets").beginArray();
    for (AnalyticsBucket b : r.buckets()) {
      json.beginObject()
          .member("timestamp", b.timestamp())
          .member("eventCount", b.eventCount())
          .member("toolCallCount", b.toolCallCount())
          .member("errorCount", b.errorCount())
          .member("avgLatencyMs", b.avgLatencyMs())
          .member("totalCostUsd", b.totalCostUsd())
          .member("uniqueSessions", b.uniqueSessions())
          .endObject();
    }
    AnalyticsTotals t = r.totals();
    return json.endArray()
        .key("totals")
        .beginObject()
        .member("eventCount", t.eventCount())
        .member("toolCallCount", t.toolCallCount())
        .member("errorCount", t.errorCount())
        .member("avgLatencyMs", t.avgLatencyMs())
        .member("totalCostUsd", t.totalCostUsd())
        .member("uniqueSessions", t.uniqueSessions())
        .member("uniqueAgents", t.uniqueAgents())
        .endObject()
        .endObject()
        .toString();
  }

  static String costs(CostAnalytics c) {
    JsonText json = new JsonText(1024);
    json.beginObject().key("byAgent").beginArray();
    for (CostAnalytics.ByAgent a : c.byAgent()) {
      json.beginObject()
          .member("agentId", a.agentId())
          .member("totalCostUsd", a.totalCostUsd())
          .member("totalInputTokens", a.totalInputTokens())
          .member("totalOutputTokens", a.totalOutputTokens())
          .member("totalTokens", a.totalTokens())
          .member("cacheReadTokens", a.cacheReadTokens())
          .member("cacheWriteTokens", a.cacheWriteTokens())
          .member("eventCount", a.eventCount())
          .endObject();
    }
    json.endArray().key("byModel").beginArray();
    c.byModel().forEach(m -> costRow(json, "model", m.model(), m.totalCostUsd(), m.eventCount()));
    json.endArray().key("bySession").beginArray();
    c.bySession()
        .forEach(s -> costRow(json, "sessionId", s.sessionId(), s.totalCostUsd(), s.eventCount()));
    json.endArray().key("byTool").beginArray();
    c.byTool()
        .forEach(t -> costRow(json, "toolName", t.toolName(), t.totalCostUsd(), t.eventCount()));
    json.endArray().key("overTime").beginArray();
    for (CostAnalytics.OverTime o : c.overTime()) {
      json.beginObject()
          .member("bucket", o.bucket())
          .member("totalCostUsd", o.totalCostUsd())
          .member("eventCount", o.eventCount())
          .key("byAgent")
          .beginObject();
      // Sorted, so the same data always gives the same text.
      for (Map.Entry<String, Double> e : new TreeMap<>(o.byAgent()).entrySet()) {
        json.member(e.getKey(), e.getValue());
      }
      json.endObject().endObject();
    }
    CostAnalytics.Totals t = c.totals();
    return json.endArray()
        .key("totals")
        .beginObject()
        .member("totalCostUsd", t.totalCostUsd())
        .member("totalInputTokens", t.totalInputTokens())
        .member("totalOutputTokens", t.totalOutputTokens())
        .member("totalTokens", t.totalTokens())
        .endObject()
        .endObject()
        .toString();
  }

  private static void costRow(JsonText json, String keyName, String key, double cost, long n) {
    json.beginObject()
        .member(keyName, key)
        .member("totalCostUsd", cost)
        .member("eventCount", n)
        .endObject();
  }

  static String agents(List<AgentAnalytics> rows) {
    JsonText json = new JsonText(64 + rows.size() * 192);
    json.beginObject().key("agents").beginArray();
    for (AgentAnalytics a : rows) {
      json.beginObject()
          .member("agentId", a.agentId())
          .member("sessionCount", a.sessionCount())
          .member("totalEvents", a.totalEvents())
          .member("totalErrors", a.totalErrors())
          .member("errorRate", a.errorRate())
          .member("totalCostUsd", a.totalCostUsd())
          .member("avgDurationMs", a.avgDurationMs())
          .endObject();
    }
    return json.endArray().endObject().toString();
  }

  static String tools(List<ToolAnalytics> rows) {
    JsonText json = new JsonText(64 + rows.size() * 128);
    json.beginObject().key("tools").beginArray();
    for (ToolAnalytics t : rows) {
      json.beginObject()
          .member("toolName", t.toolName())
          .member("callCount", t.callCount())
          .member("errorCount", t.errorCount())
          .member("errorRate", t.errorRate())
          .member("avgDurationMs", t.avgDurationMs())
          .endObject();
    }
    return json.endArray().endObject().toString();
  }

  static String llm(LlmAnalytics l) {
    LlmAnalytics.Summary s = l.summary();
    JsonText json = new JsonText(512 + l.byTime().size() * 160);
    json.beginObject()
        .key("summary")
        .beginObject()
        .member("totalCalls", s.totalCalls())
        .member("totalCostUsd", s.totalCostUsd())
        .member("totalInputTokens", s.totalInputTokens())
        .member("totalOutputTokens", s.totalOutputTokens())
        .member("avgLatencyMs", s.avgLatencyMs())
        .member("avgCostPerCall", s.avgCostPerCall())
        .endObject()
        .key("byModel")
        .beginArray();
    for (LlmAnalytics.ByModel m : l.byModel()) {
      json.beginObject()
          .member("provider", m.provider())
          .member("model", m.model())
          .member("calls", m.calls())
          .member("costUsd", m.costUsd())
          .member("inputTokens", m.inputTokens())
          .member("outputTokens", m.outputTokens())
          .member("avgLatencyMs", m.avgLatencyMs())
          .endObject();
    }
    json.endArray().key("byTime").beginArray();
    for (LlmAnalytics.ByTime t : l.byTime()) {
      json.beginObject()
          .member("bucket", t.bucket())
          .member("calls", t.calls())
          .member("costUsd", t.costUsd())
          .member("inputTokens", t.inputTokens())
          .member("outputTokens", t.outputTokens())
          .member("avgLatencyMs", t.avgLatencyMs())
          .endObject();
    }
    return json.endArray().endObject().toString();
  }
}
