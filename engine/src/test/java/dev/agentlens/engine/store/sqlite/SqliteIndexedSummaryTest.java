package dev.agentlens.engine.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.agentlens.engine.json.CanonicalJson;
import dev.agentlens.engine.json.UlidGenerator;
import dev.agentlens.engine.model.AnalyticsBucket;
import dev.agentlens.engine.model.AnalyticsQuery;
import dev.agentlens.engine.model.AnalyticsResult;
import dev.agentlens.engine.model.DrainBatch;
import dev.agentlens.engine.model.EventType;
import dev.agentlens.engine.model.Granularity;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.PayloadFacts;
import dev.agentlens.engine.model.Severity;
import dev.agentlens.engine.model.Timestamps;
import dev.agentlens.engine.store.StoreSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index-driven analytics summary answers exactly what the general scan answers, and its Java
 * bucket labels are SQLite's.
 */
class SqliteIndexedSummaryTest {

  private static final Instant START = Instant.parse("2026-02-27T00:00:00Z");
  private static final EventType[] TYPES = {
    EventType.TOOL_CALL,
    EventType.TOOL_RESPONSE,
    EventType.TOOL_ERROR,
    EventType.COST_TRACKED,
    EventType.LLM_RESPONSE,
    EventType.CUSTOM,
    EventType.SESSION_STARTED
  };

  @TempDir Path dir;

  @Test
  void bucketRangesMatchSqliteLabelsAndBounds() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
      for (LocalDate d = LocalDate.parse("2019-12-20"); d.getYear() < 2032; d = d.plusDays(1)) {
        String ts = d + "T23:59:59.999Z";
        for (Granularity g : Granularity.values()) {
          SqliteBucketRange b = SqliteBucketRange.of(g, ts);
          assertThat(b.label()).as(ts + " " + g).isEqualTo(sqliteLabel(c, g, ts));
          assertThat(sqliteLabel(c, g, b.last())).isEqualTo(b.label());
          assertThat(sqliteLabel(c, g, b.next())).isNotEqualTo(b.label());
          assertThat(Timestamps.parse(b.next()))
              .isEqualTo(Timestamps.parse(b.last()).plusMillis(1));
        }
      }
    }
    assertThat(SqliteBucketRange.of(Granularity.WEEK, "9999-12-31T10:00:00.000Z").next()).isNull();
  }

  private static String sqliteLabel(Connection c, Granularity g, String ts) throws Exception {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + SqliteBuckets.label(g, "?") + "")) {
      ps.setString(1, ts);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  @Test
  void sameAnswersAsTheGeneralScanOnRandomData() throws Exception {
    Vertx vertx = Vertx.vertx();
    Path file = dir.resolve("s.db");
    SqliteEventStore store =
        new SqliteEventStore(vertx, SqliteSettings.at(file), StoreSettings.defaults());
    try {
      await(store.start());
      SplittableRandom r = new SplittableRandom(11);
      UlidGenerator ids = new UlidGenerator();
      List<String> stamps = new ArrayList<>();
      Map<String, String> sessionEnds = new java.util.HashMap<>();
      for (int batch = 0; batch < 4; batch++) {
        List<IngestEvent> events = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
          IngestEvent e = randomEvent(r, ids, r.nextInt(20) == 0 ? "other" : "t1");
          events.add(e);
          stamps.add(e.timestamp());
          if (e.tenantId().equals("t1")) {
            sessionEnds.merge(e.sessionId(), e.timestamp(), SqliteIndexedSummaryTest::max);
          }
        }
        await(store.write(new DrainBatch(events, "n", batch)));
      }
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
        int compared = 0;
        for (int k = 0; k < 60; k++) {
          Instant from = START.plus(Duration.ofMinutes(r.nextInt(60 * 24 * 9) - 60 * 24));
          Instant to = from.plus(Duration.ofMinutes(r.nextInt(60 * 24 * 4)));
          Granularity g = Granularity.values()[r.nextInt(3)];
          // Every other window starts and ends exactly on stored events: inclusive bounds.
          String f = k % 2 == 0 ? Timestamps.format(from) : stamps.get(r.nextInt(stamps.size()));
          String t =
              k % 2 == 0 ? Timestamps.format(to) : max(f, stamps.get(r.nextInt(stamps.size())));
          AnalyticsQuery q = new AnalyticsQuery("t1", f, t, g, null, false);
          Optional<AnalyticsResult> fast = SqliteIndexedSummary.read(c, q);
          assertThat(fast).as("40 sessions are few: the indexed path answers").isPresent();
          // excludeMetrics forces the general scan; this data holds no metric events.
          AnalyticsResult scan =
              await(
                  store
                      .analytics()
                      .summary(new AnalyticsQuery("t1", q.from(), q.to(), g, null, true)));
          assertSame(fast.get(), scan, q);
          compared += scan.totals().eventCount() > 0 ? 1 : 0;
        }
        assertThat(compared).isGreaterThan(30);
        // Windows starting exactly at a session's last event still count that session.
        for (String end : sessionEnds.values()) {
          AnalyticsQuery q =
              new AnalyticsQuery(
                  "t1", end, max(end, "2026-03-07T00:00:00.000Z"), Granularity.DAY, null, false);
          assertSame(
              SqliteIndexedSummary.read(c, q).orElseThrow(),
              await(
                  store
                      .analytics()
                      .summary(
                          new AnalyticsQuery("t1", q.from(), q.to(), q.granularity(), null, true))),
              q);
        }
        AnalyticsQuery filtered =
            new AnalyticsQuery(
                "t1",
                "2026-02-27T00:00:00.000Z",
                "2026-03-05T00:00:00.000Z",
                Granularity.DAY,
                "agent-1",
                false);
        assertThat(SqliteIndexedSummary.read(c, filtered)).isEmpty();
      }
    } finally {
      await(store.close());
      await(vertx.close());
    }
  }

  private static String max(String a, String b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static void assertSame(AnalyticsResult a, AnalyticsResult b, AnalyticsQuery q) {
    assertThat(a.buckets()).as(q.toString()).hasSameSizeAs(b.buckets());
    for (int i = 0; i < a.buckets().size(); i++) {
      AnalyticsBucket x = a.buckets().get(i);
      AnalyticsBucket y = b.buckets().get(i);
      assertThat(x.timestamp()).isEqualTo(y.timestamp());
      assertThat(List.of(x.eventCount(), x.toolCallCount(), x.errorCount(), x.uniqueSessions()))
          .as(q + " " + x.timestamp())
          .isEqualTo(
              List.of(y.eventCount(), y.toolCallCount(), y.errorCount(), y.uniqueSessions()));
      assertThat(x.avgLatencyMs()).isCloseTo(y.avgLatencyMs(), within(1e-9));
      assertThat(x.totalCostUsd()).isCloseTo(y.totalCostUsd(), within(1e-9));
    }
    assertThat(a.totals().eventCount()).isEqualTo(b.totals().eventCount());
    assertThat(a.totals().toolCallCount()).isEqualTo(b.totals().toolCallCount());
    assertThat(a.totals().errorCount()).isEqualTo(b.totals().errorCount());
    assertThat(a.totals().uniqueSessions()).as(q.toString()).isEqualTo(b.totals().uniqueSessions());
    assertThat(a.totals().uniqueAgents()).as(q.toString()).isEqualTo(b.totals().uniqueAgents());
    assertThat(a.totals().avgLatencyMs()).isCloseTo(b.totals().avgLatencyMs(), within(1e-9));
    assertThat(a.totals().totalCostUsd()).isCloseTo(b.totals().totalCostUsd(), within(1e-9));
  }

  /**
   * 40 sessions over a week, out of time order (backdated events), one in twenty events from an
   * agent other than its session's, some errors by severity.
   */
  private static IngestEvent randomEvent(SplittableRandom r, UlidGenerator ids, String tenant) {
    int session = r.nextInt(40);
    String agent = "agent-" + (r.nextInt(20) == 0 ? r.nextInt(7) : session % 5);
    EventType type = TYPES[r.nextInt(TYPES.length)];
    Map<String, Object> payload = new LinkedHashMap<>();
    switch (type) {
      case TOOL_CALL -> payload.put("toolName", "t" + r.nextInt(3));
      case TOOL_RESPONSE, TOOL_ERROR -> {
        payload.put("toolName", "t" + r.nextInt(3));
        if (r.nextInt(10) > 0) {
          payload.put("durationMs", (double) r.nextInt(5000));
        }
      }
      case COST_TRACKED, LLM_RESPONSE -> payload.put("costUsd", r.nextInt(1000) / 1000.0);
      default -> payload.put("type", "x");
    }
    Instant ts = START.plus(Duration.ofMillis(r.nextLong(Duration.ofDays(7).toMillis())));
    return new IngestEvent(
        tenant,
        ids.next(),
        false,
        Timestamps.format(ts),
        "s" + session,
        agent,
        type,
        r.nextInt(15) == 0 ? Severity.CRITICAL : Severity.INFO,
        CanonicalJson.write(payload),
        "{}",
        PayloadFacts.extract(type, payload));
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
