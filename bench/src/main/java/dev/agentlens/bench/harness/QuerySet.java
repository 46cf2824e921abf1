package dev.agentlens.bench.harness;

import dev.agentlens.bench.report.QueryResult;
import dev.agentlens.engine.model.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The dashboard's main queries (seed targets and issue 5 goals) over the bench dataset: events from
 * {@code from} to {@code to}, {@link Dataset#AGENTS} agents, and one session of exactly 1,000
 * events.
 */
final class QuerySet {
  static final String FILTERED = "filtered events (agent+types+24h)";
  static final String SESSIONS = "session list (first page)";
  static final String TIMELINE = "timeline of 1,000 events";
  static final String ANALYTICS = "analytics 24h";
  static final String STATS = "stats";

  private QuerySet() {}

  static List<QueryResult> run(
      SyncClient client, long storedEvents, Instant from, Instant to, int warmup, int calls) {
    SplittableRandom r = new SplittableRandom(11);
    long spanHours = Math.max(1, Duration.between(from, to).toHours() - 24);
    List<QueryResult> out = new ArrayList<>();
    out.add(
        QueryProbe.measure(
            client,
            FILTERED,
            storedEvents,
            warmup,
            calls,
            i -> {
              Instant f = from.plus(Duration.ofHours(r.nextLong(spanHours)));
              return "/api/events?agentId=agent_"
                  + r.nextInt(Dataset.AGENTS)
                  + "&eventType=tool_call,tool_error&from="
                  + Timestamps.format(f)
                  + "&to="
                  + Timestamps.format(f.plus(Duration.ofDays(1)));
            }));
    out.add(
        QueryProbe.measure(client, SESSIONS, storedEvents, warmup, calls, i -> "/api/sessions"));
    out.add(
        QueryProbe.measure(
            client,
            TIMELINE,
            storedEvents,
            warmup,
            calls,
            i -> "/api/sessions/" + Dataset.TIMELINE_SESSION + "/timeline"));
    out.add(
        QueryProbe.measure(
            client,
            ANALYTICS,
            storedEvents,
            warmup,
            calls,
            i -> {
              Instant f = from.plus(Duration.ofHours(r.nextLong(spanHours)));
              return "/api/analytics?from="
                  + Timestamps.format(f)
                  + "&to="
                  + Timestamps.format(f.plus(Duration.ofDays(1)));
            }));
    out.add(QueryProbe.measure(client, STATS, storedEvents, warmup, calls, i -> "/api/stats"));
    return out;
  }
}
