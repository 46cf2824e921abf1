package dev.agentlens.engine.store.sqlite;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.agentlens.engine.model.AgentAnalytics;
import dev.agentlens.engine.model.AnalyticsBucket;
import dev.agentlens.engine.model.AnalyticsQuery;
import dev.agentlens.engine.model.AnalyticsResult;
import dev.agentlens.engine.model.AnalyticsTotals;
import dev.agentlens.engine.model.CostAnalytics;
import dev.agentlens.engine.model.DrainBatch;
import dev.agentlens.engine.model.EventType;
import dev.agentlens.engine.model.Granularity;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.LlmAnalytics;
import dev.agentlens.engine.model.LlmQuery;
import dev.agentlens.engine.model.PayloadFacts;
import dev.agentlens.engine.model.Severity;
import dev.agentlens.engine.model.ToolAnalytics;
import dev.agentlens.engine.store.AnalyticsReads;
import dev.agentlens.engine.store.StoreSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite analytics over typed columns (reference §6), on one small known data set. */
class SqliteAnalyticsReadsTest {

  private static final String FROM = "2026-01-15T10:00:00.000Z";
  private static final String TO = "2026-01-15T11:59:59.999Z";

  @TempDir Path dir;
  private Vertx vertx;
  private SqliteEventStore store;
  private AnalyticsReads analytics;
  private final List<IngestEvent> events = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    store =
        new SqliteEventStore(
            vertx, SqliteSettings.at(dir.resolve("a.db")), StoreSettings.defaults());
    await(store.start());
    analytics = store.analytics();
    add("t1", "s1", "a1", "10:05", EventType.SESSION_STARTED, Severity.INFO, tags("prod"));
    add("t1", "s1", "a1", "10:10", EventType.TOOL_CALL, Severity.INFO, tool("search", null));
    add("t1", "s1", "a1", "10:11", EventType.TOOL_RESPONSE, Severity.INFO, tool("search", 100.0));
    add("t1", "s1", "a1", "11:00", EventType.TOOL_ERROR, Severity.WARN, tool("search", 50.0));
    add("t1", "s1", "a1", "11:30", EventType.COST_TRACKED, Severity.INFO, cost(0.5, 10, 20, 30.0));
    add("t1", "s1", "a1", "11:45", EventType.SESSION_ENDED, Severity.INFO, PayloadFacts.NONE);
    add("t1", "s2", "a2", "10:20", EventType.LLM_RESPONSE, Severity.INFO, llmFacts());
    add("t1", "s2", "a2", "10:21", EventType.CUSTOM, Severity.CRITICAL, PayloadFacts.NONE);
    events.add(
        event("t1", "s2", "a2", "10:22", EventType.CUSTOM, Severity.INFO, PayloadFacts.NONE)
            .withMetadata("{\"source\":\"otlp_metric\"}"));
    add("t2", "x1", "a1", "10:30", EventType.TOOL_CALL, Severity.ERROR, tool("search", null));
    add("t1", "s3", "a1", "12:30", EventType.CUSTOM, Severity.ERROR, PayloadFacts.NONE);
    await(store.write(new DrainBatch(events, "node-1", 1)));
  }

  @AfterEach
  void stop() throws Exception {
    await(store.close());
    await(vertx.close());
  }

  @Test
  void summaryBucketsAndTotals() throws Exception {
    AnalyticsResult r = await(analytics.summary(query(Granularity.HOUR, false)));
    assertThat(r.buckets())
        .containsExactly(
            new AnalyticsBucket("2026-01-15T10:00:00Z", 6, 1, 1, 100, 0, 2),
            new AnalyticsBucket("2026-01-15T11:00:00Z", 3, 0, 1, 0, 0.5, 1));
    assertThat(r.totals()).isEqualTo(new AnalyticsTotals(9, 1, 2, 100, 0.5, 2, 2));

    AnalyticsResult noMetrics = await(analytics.summary(query(Granularity.HOUR, true)));
    assertThat(noMetrics.totals().eventCount()).isEqualTo(8);

    assertThat(await(analytics.summary(query(Granularity.DAY, false))).buckets())
        .extracting(AnalyticsBucket::timestamp)
        .containsExactly("2026-01-15T00:00:00Z");
    assertThat(await(analytics.summary(query(Granularity.WEEK, false))).buckets())
        .extracting(AnalyticsBucket::timestamp)
        .containsExactly("2026-W03");
  }

  @Test
  void summaryForTagsKeepsOnlyTaggedSessions() throws Exception {
    AnalyticsQuery q = query(Granularity.HOUR, false);
    assertThat(await(analytics.summaryForTags(q, List.of("prod", "other"))).totals())
        .isEqualTo(new AnalyticsTotals(6, 1, 1, 100, 0.5, 1, 1));
    AnalyticsResult none = await(analytics.summaryForTags(q, List.of("pro")));
    assertThat(none.buckets()).isEmpty();
    assertThat(none.totals()).isEqualTo(new AnalyticsTotals(0, 0, 0, 0, 0, 0, 0));
    assertThat(await(analytics.summaryForTags(q, List.of())).totals().eventCount()).isEqualTo(9);
  }

  @Test
  void costs() throws Exception {
    CostAnalytics c = await(analytics.costs(query(Granularity.DAY, false)));
    assertThat(c.byAgent())
        .containsExactly(
            new CostAnalytics.ByAgent("a1", 0.5, 10, 20, 30, 0, 0, 1),
            new CostAnalytics.ByAgent("a2", 0.25, 100, 50, 0, 0, 0, 1));
    assertThat(c.byModel()).containsExactly(new CostAnalytics.ByModel("gpt", 0.75, 2));
    assertThat(c.bySession())
        .containsExactly(
            new CostAnalytics.BySession("s1", 0.5, 1), new CostAnalytics.BySession("s2", 0.25, 1));
    assertThat(c.byTool()).isEmpty();
    assertThat(c.overTime())
        .containsExactly(
            new CostAnalytics.OverTime(
                "2026-01-15T00:00:00Z", 0.75, 2, Map.of("a1", 0.5, "a2", 0.25)));
    assertThat(c.totals()).isEqualTo(new CostAnalytics.Totals(0.75, 110, 70, 30));
  }

  @Test
  void agentsAndTools() throws Exception {
    List<AgentAnalytics> agents = await(analytics.agents(query(Granularity.HOUR, false)));
    assertThat(agents)
        .containsExactly(
            new AgentAnalytics("a1", 1, 6, 1, 1.0 / 6, 0.5, 6_000_000),
            new AgentAnalytics("a2", 1, 3, 1, 1.0 / 3, 0.25, 0));

    List<ToolAnalytics> tools = await(analytics.tools(query(Granularity.HOUR, false)));
    assertThat(tools).containsExactly(new ToolAnalytics("search", 3, 1, 1.0 / 3, 75));
  }

  @Test
  void llm() throws Exception {
    LlmAnalytics l =
        await(analytics.llm(new LlmQuery("t1", FROM, TO, Granularity.HOUR, null, null, null)));
    assertThat(l.summary()).isEqualTo(new LlmAnalytics.Summary(1, 0.25, 100, 50, 200, 0.25));
    assertThat(l.byModel())
        .containsExactly(new LlmAnalytics.ByModel("openai", "gpt", 1, 0.25, 100, 50, 200));
    assertThat(l.byTime())
        .containsExactly(new LlmAnalytics.ByTime("2026-01-15T10:00:00Z", 1, 0.25, 100, 50, 200));
    LlmAnalytics other =
        await(analytics.llm(new LlmQuery("t1", FROM, TO, Granularity.HOUR, null, "x", null)));
    assertThat(other.summary().totalCalls()).isZero();
    assertThat(other.summary().avgCostPerCall()).isCloseTo(0, within(0.0));
  }

  private static AnalyticsQuery query(Granularity g, boolean excludeMetrics) {
    return new AnalyticsQuery("t1", FROM, TO, g, null, excludeMetrics);
  }

  private void add(
      String tenant,
      String session,
      String agent,
      String hhmm,
      EventType type,
      Severity severity,
      PayloadFacts facts) {
    events.add(event(tenant, session, agent, hhmm, type, severity, facts).build("{}"));
  }

  private Draft event(
      String tenant,
      String session,
      String agent,
      String hhmm,
      EventType type,
      Severity severity,
      PayloadFacts facts) {
    return new Draft(tenant, session, agent, hhmm, type, severity, facts);
  }

  private record Draft(
      String tenant,
      String session,
      String agent,
      String hhmm,
      EventType type,
      Severity severity,
      PayloadFacts facts) {
    IngestEvent build(String metadata) {
      return new IngestEvent(
          tenant,
          session + "-" + hhmm.replace(":", ""),
          false,
          "2026-01-15T" + hhmm + ":00.000Z",
          session,
          agent,
          type,
          severity,
          "{}",
          metadata,
          facts);
    }

    IngestEvent withMetadata(String metadata) {
      return build(metadata);
    }
  }

  private static PayloadFacts tags(String... tags) {
    return new PayloadFacts(
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(tags),
        null);
  }

  private static PayloadFacts tool(String name, Double durationMs) {
    return new PayloadFacts(
        name,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        durationMs,
        null,
        null,
        List.of(),
        null);
  }

  private static PayloadFacts cost(double usd, double in, double out, Double total) {
    return new PayloadFacts(
        null, "gpt", null, usd, in, out, total, null, null, null, null, null, List.of(), null);
  }

  private static PayloadFacts llmFacts() {
    return new PayloadFacts(
        null, "gpt", "openai", 0.25, 100.0, 50.0, null, null, null, null, 200.0, null, List.of(),
        null);
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, SECONDS);
  }
}
