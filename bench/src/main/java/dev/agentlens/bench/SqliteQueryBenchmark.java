package dev.agentlens.bench;

import dev.agentlens.engine.model.AnalyticsQuery;
import dev.agentlens.engine.model.AnalyticsResult;
import dev.agentlens.engine.model.DrainBatch;
import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.EventQuery;
import dev.agentlens.engine.model.Granularity;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.Page;
import dev.agentlens.engine.model.Session;
import dev.agentlens.engine.model.SessionQuery;
import dev.agentlens.engine.model.SortOrder;
import dev.agentlens.engine.model.StorageStats;
import dev.agentlens.engine.model.Timeline;
import dev.agentlens.engine.model.Timestamps;
import dev.agentlens.engine.store.EventStore;
import dev.agentlens.engine.store.StoreSettings;
import dev.agentlens.engine.store.TimelineWalk;
import dev.agentlens.engine.store.sqlite.SqliteEventStore;
import dev.agentlens.engine.store.sqlite.SqliteSettings;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The dashboard's main reads against a SQLite {@link EventStore} holding {@code preload} events,
 * called on the store's role interfaces with the parameters the {@code api.query} routes build, so
 * the score is the store's share of a request's latency (no HTTP, no JSON rendering): ms per query.
 *
 * <ul>
 *   <li>{@link #filteredEvents}: {@code GET /api/events?agentId=agent_3&eventType=tool_call,
 *       tool_error&from=…&to=…} over the last 24h, first page of 50, newest first, with its total.
 *   <li>{@link #sessionList}: {@code GET /api/sessions}, first page of 50 with the total.
 *   <li>{@link #timeline}: {@code GET /api/sessions/sess_timeline/timeline}, a session of exactly
 *       1,000 events with its chain verdict.
 *   <li>{@link #analytics24h}: {@code GET /api/analytics} over the last 24h, hourly buckets.
 *   <li>{@link #stats}: {@code GET /api/stats}: counts, oldest/newest event, database size.
 * </ul>
 *
 * <p>The data, written once per trial through {@code EventStore.write} in 10k-event drain batches
 * into a temp directory deleted at teardown: {@link EventMix} traffic (~600-byte payloads) from
 * 1,000 sessions and 20 agents, spread evenly over 30 days ({@code preload / 30} events, ~33k at
 * 1M, fall into a 24h window), among them the 1,000 events of {@code sess_timeline} interleaved
 * over the whole span. The store's clock stands at the last event, which is where "the last 24h"
 * ends. Every query repeats with the same parameters, so this is the warm-cache latency of a
 * dashboard refreshing. JMH runs each query in its own fork, so each pays its own preload (5–7 s at
 * {@code preload=50000} on the 2-vCPU development VM; expect a few minutes at 1M).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SqliteQueryBenchmark extends ChronicleFork {

  static final String TENANT = "default";
  static final String TIMELINE_SESSION = "sess_timeline";
  static final int TIMELINE_EVENTS = 1_000;
  static final int SESSIONS = 1_000;
  static final int AGENTS = 20;
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final Duration SPAN = Duration.ofDays(30);

  @Param({"1000000"})
  public int preload;

  private Vertx vertx;
  private Path dir;
  private EventStore store;
  private EventQuery filtered;
  private SessionQuery sessions;
  private AnalyticsQuery analytics;

  @Setup(Level.Trial)
  public void open() throws Exception {
    checkFlags();
    if (preload < 10 * TIMELINE_EVENTS) {
      throw new IllegalArgumentException("preload must be >= " + 10 * TIMELINE_EVENTS);
    }
    EventMix mix = new EventMix(42, TENANT, SESSIONS, AGENTS, START, SPAN.toMillis() / preload);
    // The last timestamp is only known after generating; the store reads the clock per query.
    MutableClock clock = new MutableClock(START);
    vertx = Vertx.vertx();
    dir = Files.createTempDirectory("agentlens-query-bench");
    store =
        new SqliteEventStore(
            vertx, SqliteSettings.at(dir.resolve("bench.db")), new StoreSettings(clock, 30));
    SqliteWriteBenchmark.await(store.start());
    long t0 = System.nanoTime();
    preload(mix);
    clock.now = mix.clock();
    String to = Timestamps.format(mix.clock());
    String from = Timestamps.format(mix.clock().minus(Duration.ofHours(24)));
    filtered =
        new EventQuery(
            TENANT,
            null,
            "agent_3",
            List.of("tool_call", "tool_error"),
            null,
            from,
            to,
            null,
            false,
            SortOrder.DESC,
            EventQuery.DEFAULT_LIMIT,
            0);
    sessions = SessionQuery.all(TENANT);
    analytics = new AnalyticsQuery(TENANT, from, to, Granularity.HOUR, null, false);
    describe((System.nanoTime() - t0) / 1e9);
  }

  /** {@code preload} events in 10k batches, every (preload/1000)th one in the timeline session. */
  private void preload(EventMix mix) throws Exception {
    int stride = preload / TIMELINE_EVENTS;
    int own = 0;
    long journalIndex = 0;
    List<IngestEvent> batch = new ArrayList<>(SqliteWriteBenchmark.BATCH);
    for (int i = 0; i < preload; i++) {
      if (own < TIMELINE_EVENTS && i % stride == stride / 2) {
        batch.add(mix.next(TIMELINE_SESSION, "agent_0"));
        own++;
      } else {
        batch.add(mix.next());
      }
      if (batch.size() == SqliteWriteBenchmark.BATCH || i == preload - 1) {
        SqliteWriteBenchmark.await(store.write(new DrainBatch(batch, "bench", journalIndex++)));
        batch.clear();
      }
    }
  }

  /** Prints what the queries see, and fails the trial if the data is not shaped as intended. */
  private void describe(double seconds) throws Exception {
    int timelineEvents = timeline().events().size();
    long matching = filteredEvents().total();
    AnalyticsResult summary = analytics24h();
    StorageStats s = stats();
    System.out.printf(
        Locale.ROOT,
        "%npreloaded %,d events in %.1f s (%s … %s, %,d sessions, %,d MB); filtered events: %,d;"
            + " 24h analytics: %,d events in %d buckets; timeline: %,d events%n",
        s.totalEvents(),
        seconds,
        s.oldestEvent(),
        s.newestEvent(),
        s.totalSessions(),
        s.storageSizeBytes() >> 20,
        matching,
        summary.totals().eventCount(),
        summary.buckets().size(),
        timelineEvents);
    if (timelineEvents != TIMELINE_EVENTS || matching == 0 || s.totalEvents() != preload) {
      throw new IllegalStateException("the preloaded data is not shaped as intended");
    }
  }

  @Benchmark
  public Page<Event> filteredEvents() throws Exception {
    return SqliteWriteBenchmark.await(store.events().query(filtered));
  }

  @Benchmark
  public Page<Session> sessionList() throws Exception {
    return SqliteWriteBenchmark.await(store.sessions().query(sessions));
  }

  @Benchmark
  public Timeline timeline() throws Exception {
    return SqliteWriteBenchmark.await(
            TimelineWalk.readAll(store.events(), TENANT, TIMELINE_SESSION))
        .orElseThrow();
  }

  @Benchmark
  public AnalyticsResult analytics24h() throws Exception {
    return SqliteWriteBenchmark.await(store.analytics().summary(analytics));
  }

  @Benchmark
  public StorageStats stats() throws Exception {
    return SqliteWriteBenchmark.await(store.stats().stats(TENANT));
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    SqliteWriteBenchmark.await(store.close());
    SqliteWriteBenchmark.await(vertx.close());
    JournalAppendBenchmark.delete(dir);
  }

  /** A clock set once the preload is written; a store takes its clock at construction. */
  static final class MutableClock extends Clock {
    volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
