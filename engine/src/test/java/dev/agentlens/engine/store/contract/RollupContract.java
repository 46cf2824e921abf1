package dev.agentlens.engine.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.engine.model.AnalyticsBucket;
import dev.agentlens.engine.model.AnalyticsQuery;
import dev.agentlens.engine.model.AnalyticsResult;
import dev.agentlens.engine.model.AnalyticsTotals;
import dev.agentlens.engine.model.Granularity;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.RetentionChunk;
import dev.agentlens.engine.model.Severity;
import dev.agentlens.engine.model.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /api/analytics answered from hourly rollups plus raw edge hours must equal a recount of the
 * stored events, for any window (whole hours, partial hours, inside one hour), granularity, agent
 * filter and metrics flag, after duplicates and after retention. The expected figures are
 * recomputed here in Java from what the test wrote, never read back from the store.
 */
public abstract class RollupContract extends StoreContractBase {

  private static final Instant START = Instant.parse("2026-03-08T22:00:00Z");
  private static final long SPAN_MS = Duration.ofDays(3).toMillis();
  private static final String[] AGENTS = {"agent-1", "agent-2", "agent-3"};

  /** What the test knows of each event it wrote, by id. */
  private record Fact(
      String timestamp,
      String sessionId,
      String agentId,
      boolean toolCall,
      boolean error,
      boolean metric,
      Double latency,
      double cost) {}

  private final Map<String, Fact> written = new LinkedHashMap<>();

  @BeforeEach
  void forgetWrittenEvents() {
    written.clear(); // one instance serves every test of the class
  }

  /** Writes {@code n} random events in batches, some on hour boundaries, some sent twice. */
  private void writeRandom(Random rnd, int n) {
    List<IngestEvent> batch = new ArrayList<>();
    List<IngestEvent> resend = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      IngestEvent e = randomEvent(rnd, i);
      batch.add(e);
      if (rnd.nextInt(10) == 0) {
        resend.add(e);
      }
      if (batch.size() == 37) {
        write(batch);
        batch = new ArrayList<>();
      }
    }
    batch.addAll(resend);
    write(batch);
    write(resend);
  }

  private IngestEvent randomEvent(Random rnd, int i) {
    String session = "s" + rnd.nextInt(7);
    String agent = AGENTS[rnd.nextInt(AGENTS.length)];
    Instant at = START.plusMillis((long) (rnd.nextDouble() * SPAN_MS));
    switch (rnd.nextInt(8)) {
      case 0 -> at = at.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
      case 1 -> at = at.truncatedTo(java.time.temporal.ChronoUnit.HOURS).minusMillis(1);
      default -> {}
    }
    return event(
        session,
        agent,
        Timestamps.format(at),
        rnd.nextInt(7),
        10 + rnd.nextInt(500),
        rnd.nextInt(40) * 0.25,
        "c-" + i);
  }

  /** One event of {@code kind} (0 tool call … 6 note), its fact remembered for the recount. */
  private IngestEvent event(
      String session,
      String agent,
      String ts,
      int kind,
      double duration,
      double cost,
      String clientId) {
    var b =
        switch (kind) {
          case 0 -> events.toolCall(session, "web_search");
          case 1 -> events.toolResponse(session, "web_search", duration);
          case 2 -> events.toolError(session, "db_query", duration);
          case 3 -> events.costTracked(session, "openai", "gpt-4o", 10, 5, cost);
          case 4 -> events.otlpMetric(session, "queue.depth", 3);
          case 5 -> events.custom(session, "panic").severity(Severity.CRITICAL);
          default -> events.custom(session, "note");
        };
    IngestEvent e = b.agent(agent).at(ts).clientId(clientId).build();
    written.put(
        e.id(),
        new Fact(
            ts,
            session,
            agent,
            kind == 0,
            kind == 2 || kind == 5,
            kind == 4,
            kind == 1 ? duration : null,
            kind == 3 ? cost : 0));
    return e;
  }

  private AnalyticsResult summary(AnalyticsQuery q) {
    return await(store.analytics().summary(q));
  }

  /** The summary recomputed from the facts of the events still stored. */
  private AnalyticsResult expected(AnalyticsQuery q, Set<String> storedIds) {
    Map<String, Acc> buckets = new TreeMap<>();
    Acc total = new Acc();
    Set<String> agents = new HashSet<>();
    written.forEach(
        (id, f) -> {
          boolean in =
              storedIds.contains(id)
                  && f.timestamp().compareTo(q.from()) >= 0
                  && f.timestamp().compareTo(q.to()) <= 0
                  && (q.agentId() == null || q.agentId().equals(f.agentId()))
                  && !(q.excludeMetrics() && f.metric());
          if (in) {
            buckets.computeIfAbsent(label(q.granularity(), f.timestamp()), k -> new Acc()).add(f);
            total.add(f);
            agents.add(f.agentId());
          }
        });
    List<AnalyticsBucket> out = new ArrayList<>();
    buckets.forEach(
        (label, a) ->
            out.add(
                new AnalyticsBucket(
                    label, a.events, a.toolCalls, a.errors, a.avg(), a.cost, a.sessions.size())));
    return new AnalyticsResult(
        out,
        new AnalyticsTotals(
            total.events,
            total.toolCalls,
            total.errors,
            total.avg(),
            total.cost,
            total.sessions.size(),
            agents.size()));
  }

  private static String label(Granularity g, String ts) {
    return switch (g) {
      case HOUR -> ts.substring(0, 13) + ":00:00Z";
      case DAY -> ts.substring(0, 10) + "T00:00:00Z";
      case WEEK -> {
        LocalDate d = LocalDate.parse(ts.substring(0, 10));
        yield String.format(
            Locale.ROOT,
            "%04d-W%02d",
            d.get(IsoFields.WEEK_BASED_YEAR),
            d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      }
    };
  }

  private static final class Acc {
    long events;
    long toolCalls;
    long errors;
    double latencySum;
    long latencyCount;
    double cost;
    final Set<String> sessions = new HashSet<>();

    void add(Fact f) {
      events++;
      toolCalls += f.toolCall() ? 1 : 0;
      errors += f.error() ? 1 : 0;
      if (f.latency() != null) {
        latencySum += f.latency();
        latencyCount++;
      }
      cost += f.cost();
      sessions.add(f.sessionId());
    }

    double avg() {
      return latencyCount > 0 ? latencySum / latencyCount : 0;
    }
  }

  /** A random window: ends on hour boundaries, inside hours, or both inside one hour. */
  private static AnalyticsQuery randomQuery(Random rnd) {
    Instant from = START.minusSeconds(3600).plusMillis((long) (rnd.nextDouble() * SPAN_MS));
    Instant to = from.plusMillis((long) (rnd.nextDouble() * SPAN_MS / (1 + rnd.nextInt(20))));
    switch (rnd.nextInt(4)) {
      case 0 -> {
        from = from.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        to = to.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plusSeconds(3600).minusMillis(1);
      }
      case 1 -> to = from.plusMillis(rnd.nextInt(3_600_000));
      default -> {}
    }
    Granularity g = Granularity.values()[rnd.nextInt(Granularity.values().length)];
    String agent = rnd.nextInt(3) == 0 ? AGENTS[rnd.nextInt(AGENTS.length)] : null;
    return new AnalyticsQuery(
        TENANT, Timestamps.format(from), Timestamps.format(to), g, agent, rnd.nextBoolean());
  }

  private Set<String> storedIds() {
    return new HashSet<>(ids(storedEvents(TENANT)));
  }

  private void assertRandomWindows(Random rnd, int windows) {
    Set<String> stored = storedIds();
    for (int i = 0; i < windows; i++) {
      AnalyticsQuery q = randomQuery(rnd);
      assertThat(summary(q)).as("%s", q).isEqualTo(expected(q, stored));
    }
  }

  @Test
  void anyWindowEqualsARecountOfTheEvents() {
    Random rnd = new Random(42);
    writeRandom(rnd, 400);
    write(otherEvents.toolCall("s1", "web_search").at("2026-03-09T10:30:00.000Z").build());

    assertRandomWindows(rnd, 60);
    AnalyticsQuery all =
        new AnalyticsQuery(
            TENANT, "2026-03-01T00:00:00.000Z", "2026-03-20T23:59:59.999Z", null, null, false);
    assertThat(summary(all).totals().eventCount()).isEqualTo(written.size());
  }

  @Test
  void aLongEdgeHoldsOnlyTheSessionsOfItsOwnPartOfTheHour() {
    write(
        List.of(
            event("early", AGENTS[0], "2026-03-09T10:05:00.000Z", 3, 0, 1.25, "e1"),
            event("late", AGENTS[1], "2026-03-09T10:50:00.000Z", 1, 40, 0, "e2"),
            event("late", AGENTS[1], "2026-03-09T11:20:00.000Z", 0, 0, 0, "e3"),
            event("early", AGENTS[0], "2026-03-09T12:40:00.000Z", 3, 0, 0.5, "e4")));
    Set<String> stored = storedIds();
    // 10:10 starts an edge of 50 minutes, whose rest (10:00-10:10) holds only "early"; the window
    // ends in a short edge (12:00-12:15) or a long one (12:00-12:45, holding "early" again).
    for (String to : List.of("2026-03-09T12:15:00.000Z", "2026-03-09T12:45:00.000Z")) {
      AnalyticsQuery q =
          new AnalyticsQuery(TENANT, "2026-03-09T10:10:00.000Z", to, Granularity.HOUR, null, false);
      AnalyticsResult r = summary(q);
      assertThat(r).as(to).isEqualTo(expected(q, stored));
      assertThat(r.buckets().get(0).uniqueSessions()).isEqualTo(1);
      assertThat(r.buckets().get(0).totalCostUsd()).isZero();
    }
  }

  @Test
  void statsCountEachStoredEventOnce() {
    writeRandom(new Random(7), 120);

    assertThat(await(store.stats().stats(TENANT)).totalEvents()).isEqualTo(written.size());
  }

  @Test
  void retentionTakesPurgedEventsOutOfTheRollups() {
    Random rnd = new Random(3);
    writeRandom(rnd, 300);
    String cutoff = "2026-03-10T05:30:00.000Z";
    RetentionChunk chunk;
    do {
      chunk = await(store.retention().purgeChunk(cutoff, 25));
    } while (!chunk.done());

    Set<String> stored = storedIds();
    assertThat(stored).hasSizeLessThan(written.size());
    assertRandomWindows(rnd, 40);
    assertThat(await(store.stats().stats(TENANT)).totalEvents()).isEqualTo(stored.size());
  }
}
