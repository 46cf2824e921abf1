package dev.agentlens.engine.store;

import dev.agentlens.engine.model.LlmAnalytics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Folds llm_response rows grouped by (bucket, provider, model) into GET /api/analytics/llm
 * (reference §6.2), the same way on every backend: the summary, byModel (cost desc; a null provider
 * or model is its own group, as upstream) and byTime (ascending).
 */
public final class LlmFold {
  private final Sum total = new Sum();
  private final Map<List<String>, Sum> models = new LinkedHashMap<>();
  private final Map<String, Sum> buckets = new TreeMap<>();

  /** One grouped row: counts and sums of the events behind it. */
  public void add(
      String bucket,
      String provider,
      String model,
      long calls,
      double cost,
      double input,
      double output,
      double latencySum,
      long latencyCount) {
    total.add(calls, cost, input, output, latencySum, latencyCount);
    // Arrays.asList keeps nulls, which List.of refuses.
    models
        .computeIfAbsent(Arrays.asList(provider, model), k -> new Sum())
        .add(calls, cost, input, output, latencySum, latencyCount);
    buckets
        .computeIfAbsent(bucket, k -> new Sum())
        .add(calls, cost, input, output, latencySum, latencyCount);
  }

  public LlmAnalytics result() {
    List<LlmAnalytics.ByModel> byModel =
        models.entrySet().stream()
            .sorted(
                Comparator.comparingDouble((Map.Entry<List<String>, Sum> e) -> e.getValue().cost)
                    .reversed()
                    .thenComparing(e -> Objects.toString(e.getKey().get(0), ""))
                    .thenComparing(e -> Objects.toString(e.getKey().get(1), "")))
            .map(e -> e.getValue().byModel(e.getKey().get(0), e.getKey().get(1)))
            .toList();
    List<LlmAnalytics.ByTime> byTime = new ArrayList<>(buckets.size());
    buckets.forEach((label, f) -> byTime.add(f.byTime(label)));
    return new LlmAnalytics(total.summary(), byModel, byTime);
  }

  private static final class Sum {
    long calls;
    double cost;
    double input;
    double output;
    double latencySum;
    long latencyCount;

    void add(long n, double c, double in, double out, double latSum, long latCount) {
      calls += n;
      cost += c;
      input += in;
      output += out;
      latencySum += latSum;
      latencyCount += latCount;
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
