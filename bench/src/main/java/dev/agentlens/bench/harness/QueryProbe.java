package dev.agentlens.bench.harness;

import dev.agentlens.bench.report.QueryResult;
import java.util.Locale;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/** One query kind, called one after another (a dashboard user, not a load test); P50…max in ms. */
final class QueryProbe {
  private QueryProbe() {}

  static QueryResult measure(
      SyncClient client,
      String name,
      long storedEvents,
      int warmup,
      int calls,
      IntFunction<String> path) {
    for (int i = 0; i < warmup; i++) {
      call(client, path.apply(i));
    }
    Histogram h = new Histogram(3);
    for (int i = 0; i < calls; i++) {
      String p = path.apply(warmup + i);
      long t = System.nanoTime();
      call(client, p);
      h.recordValue(Math.max(1, (System.nanoTime() - t) / 1000));
    }
    QueryResult r =
        new QueryResult(
            name,
            storedEvents,
            calls,
            ms(h.getValueAtPercentile(50)),
            ms(h.getValueAtPercentile(95)),
            ms(h.getValueAtPercentile(99)),
            ms(h.getMaxValue()));
    System.out.printf(
        Locale.ROOT,
        "  %-34s @%,d events: P50 %.2f  P95 %.2f  P99 %.2f  max %.2f ms%n",
        name,
        storedEvents,
        r.p50Ms(),
        r.p95Ms(),
        r.p99Ms(),
        r.maxMs());
    return r;
  }

  private static void call(SyncClient client, String path) {
    SyncClient.Answer r = client.get(path);
    if (r.status() != 200) {
      throw new IllegalStateException("GET " + path + " answered " + r.status() + ": " + r.body());
    }
  }

  static double ms(long micros) {
    return micros / 1000.0;
  }
}
