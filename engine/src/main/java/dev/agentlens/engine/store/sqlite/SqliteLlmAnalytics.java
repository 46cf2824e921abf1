package dev.agentlens.engine.store.sqlite;

import dev.agentlens.engine.model.LlmAnalytics;
import dev.agentlens.engine.model.LlmQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * GET /api/analytics/llm (reference §6.2) over llm_response events: one scan grouped by (bucket,
 * provider, model), folded into the summary, byModel (cost desc; null provider or model is its own
 * group, as upstream) and byTime (ascending).
 */
final class SqliteLlmAnalytics {
  private SqliteLlmAnalytics() {}

  private static final String SQL =
      "SELECT %s AS bucket, provider, model, count(*), sum(cost_usd), sum(input_tokens),"
          + " sum(output_tokens), sum(latency_ms), count(latency_ms) FROM events WHERE %s"
          + " GROUP BY bucket, provider, model";

  static LlmAnalytics read(Connection c, LlmQuery q) throws SQLException {
    SqliteAnalyticsFilter filter =
        SqliteAnalyticsFilter.events(q.tenantId(), q.from(), q.to())
            .and("event_type = 'llm_response'")
            .andIfPresent("agent_id = ?", q.agentId())
            .andIfPresent("model = ?", q.model())
            .andIfPresent("provider = ?", q.provider());
    String sql = SQL.formatted(SqliteBuckets.label(q.granularity(), "timestamp"), filter.sql());
    Fold total = new Fold();
    Map<List<String>, Fold> models = new LinkedHashMap<>();
    Map<String, Fold> buckets = new TreeMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      filter.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          total.add(rs);
          // Arrays.asList keeps nulls, which List.of refuses.
          models
              .computeIfAbsent(Arrays.asList(rs.getString(2), rs.getString(3)), k -> new Fold())
              .add(rs);
          buckets.computeIfAbsent(rs.getString(1), k -> new Fold()).add(rs);
        }
      }
    }
    List<LlmAnalytics.ByModel> byModel =
        models.entrySet().stream()
            .sorted(
                Comparator.comparingDouble((Map.Entry<List<String>, Fold> e) -> e.getValue().cost)
                    .reversed()
                    .thenComparing(e -> Objects.toString(e.getKey().get(0), ""))
                    .thenComparing(e -> Objects.toString(e.getKey().get(1), "")))
            .map(e -> e.getValue().byModel(e.getKey().get(0), e.getKey().get(1)))
            .toList();
    List<LlmAnalytics.ByTime> byTime = new ArrayList<>(buckets.size());
    buckets.forEach((label, f) -> byTime.add(f.byTime(label)));
    return new LlmAnalytics(total.summary(), byModel, byTime);
  }

  private static final class Fold {
    long calls;
    double cost;
    double input;
    double output;
    double latencySum;
    long latencyCount;

    void add(ResultSet rs) throws SQLException {
      calls += rs.getLong(4);
      cost += rs.getDouble(5);
      input += rs.getDouble(6);
      output += rs.getDouble(7);
      latencySum += rs.getDouble(8);
      latencyCount += rs.getLong(9);
    }

    double avgLatency() {
      return latencyCount > 0 ? latencySum / latencyCount : 0;
    }

    LlmAnalytics.Summary summary() {
      return new LlmAnalytics.Summary(
          calls, cost, input, output, avgLatency(), calls > 0 ? cost / calls : 0);
    }

    LlmAnalytics.ByModel byModel(String provider, String model) {
      return new LlmAnalytics.ByModel(provider, model, calls, cost, input, output, avgLatency());
    }

    LlmAnalytics.ByTime byTime(String bucket) {
      return new LlmAnalytics.ByTime(bucket, calls, cost, input, output, avgLatency());
    }
  }
}
