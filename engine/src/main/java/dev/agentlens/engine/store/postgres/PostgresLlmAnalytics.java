package dev.agentlens.engine.store.postgres;

import dev.agentlens.engine.model.LlmAnalytics;
import dev.agentlens.engine.model.LlmQuery;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
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
final class PostgresLlmAnalytics {
  private PostgresLlmAnalytics() {}

  private static final String SQL =
      "SELECT %s AS bucket, provider, model, count(*), sum(cost_usd), sum(input_tokens),"
          + " sum(output_tokens), sum(latency_ms), count(latency_ms) FROM events WHERE %s"
          + " GROUP BY 1, 2, 3";

  static Future<LlmAnalytics> read(PostgresDatabase db, LlmQuery q) {
    PostgresWhere where =
        PostgresBuckets.window(q.tenantId(), q.from(), q.to())
            .and("event_type = 'llm_response'")
            .andIfPresent("agent_id = ?", q.agentId())
            .andIfPresent("model = ?", q.model())
            .andIfPresent("provider = ?", q.provider());
    String sql =
        SQL.formatted(PostgresBuckets.label(q.granularity(), "timestamp"), where.conditions());
    return db.query(PostgresWhere.sql(sql), where.tuple()).map(PostgresLlmAnalytics::fold);
  }

  private static LlmAnalytics fold(RowSet<Row> rows) {
    Fold total = new Fold();
    Map<List<String>, Fold> models = new LinkedHashMap<>();
    Map<String, Fold> buckets = new TreeMap<>();
    for (Row r : rows) {
      total.add(r);
      // Arrays.asList keeps nulls, which List.of refuses.
      models.computeIfAbsent(Arrays.asList(r.getString(1), r.getString(2)), k -> new Fold()).add(r);
      buckets.computeIfAbsent(r.getString(0), k -> new Fold()).add(r);
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

    void add(Row r) {
      calls += r.getLong(3);
      cost += PostgresRows.dbl(r, 4);
      input += PostgresRows.dbl(r, 5);
      output += PostgresRows.dbl(r, 6);
      latencySum += PostgresRows.dbl(r, 7);
      latencyCount += r.getLong(8);
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
