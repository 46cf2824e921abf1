package dev.agentlens.engine.store.contract;

import static dev.agentlens.engine.testing.TestEvents.obj;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.engine.model.AgentAnalytics;
import dev.agentlens.engine.model.AnalyticsBucket;
import dev.agentlens.engine.model.AnalyticsQuery;
import dev.agentlens.engine.model.AnalyticsResult;
import dev.agentlens.engine.model.AnalyticsTotals;
import dev.agentlens.engine.model.CostAnalytics;
import dev.agentlens.engine.model.Granularity;
import dev.agentlens.engine.model.LlmAnalytics;
import dev.agentlens.engine.model.LlmQuery;
import dev.agentlens.engine.model.Severity;
import dev.agentlens.engine.model.ToolAnalytics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /api/analytics and its sub-routes (reference §6) with ISO week buckets (SPEC §4). The fixture
 * is one tenant's day: s1 (agent-1, ended after 45 min), s2 (agent-2, with an OTLP metric), s4
 * (agent-2, ended after 1.5 s), s3 (agent-1, later days); the other tenant's events fall in the
 * same hours and must never count.
 */
public abstract class AnalyticsContract extends StoreContractBase {

  private static final String DAY_FROM = "2026-03-10T00:00:00.000Z";
  private static final String DAY_TO = "2026-03-10T23:59:59.999Z";

  @BeforeEach
  void writeFixture() {
    write(
        events
            .sessionStarted("s1")
            .agentName("Alpha")
            .tags("prod")
            .at("2026-03-10T10:05:00.000Z")
            .build(),
        events.toolCall("s1", "web_search").at("2026-03-10T10:10:00.000Z").build(),
        events.toolResponse("s1", "web_search", 100).at("2026-03-10T10:11:00.000Z").build(),
        events
            .llmResponse("s1", "openai", "gpt-4o", 200, 40, 0.25, 800)
            .at("2026-03-10T10:20:00.000Z")
            .build(),
        events.sessionEnded("s1", "completed").at("2026-03-10T10:50:00.000Z").build(),
        events.toolResponse("s1", "web_search", 300).at("2026-03-10T10:59:59.999Z").build());
    write(
        events
            .toolError("s2", "db_query", 50)
            .agent("agent-2")
            .at("2026-03-10T11:00:00.000Z")
            .build(),
        events
            .costTracked("s2", "anthropic", "claude-sonnet", 1000, 200, 0.5)
            .agent("agent-2")
            .at("2026-03-10T11:30:00.000Z")
            .build(),
        events
            .llmResponse("s2", "anthropic", "claude-sonnet", 300, 100, 2.0, 1200)
            .with(
                "usage",
                obj(
                    "inputTokens",
                    300,
                    "outputTokens",
                    100,
                    "totalTokens",
                    400,
                    "cacheReadTokens",
                    50))
            .agent("agent-2")
            .at("2026-03-10T11:31:00.000Z")
            .build(),
        events
            .otlpMetric("s2", "queue.depth", 7)
            .agent("agent-2")
            .severity(Severity.ERROR)
            .at("2026-03-10T11:45:00.000Z")
            .build(),
        events
            .sessionStarted("s4")
            .agent("agent-2")
            .tags("staging")
            .at("2026-03-10T12:00:00.000Z")
            .build(),
        events
            .sessionEnded("s4", "completed")
            .agent("agent-2")
            .at("2026-03-10T12:00:01.500Z")
            .build());
    write(
        events.toolCall("s3", "web_search").at("2026-03-11T09:00:00.000Z").build(),
        events
            .custom("s3", "panic")
            .severity(Severity.CRITICAL)
            .at("2026-03-16T08:00:00.000Z")
            .build());
    write(
        otherEvents.toolCall("s1", "web_search").at("2026-03-10T10:30:00.000Z").build(),
        otherEvents
            .costTracked("s1", "openai", "gpt-4o", 5, 5, 7.0)
            .at("2026-03-10T10:31:00.000Z")
            .build(),
        otherEvents
            .llmResponse("s1", "openai", "gpt-4o", 9, 9, 3.0, 99)
            .at("2026-03-10T10:32:00.000Z")
            .build());
  }

  private AnalyticsResult summary(
      String from, String to, Granularity g, String agentId, boolean excludeMetrics) {
    return await(
        store
            .analytics()
            .summary(new AnalyticsQuery(TENANT, from, to, g, agentId, excludeMetrics)));
  }

  private static AnalyticsQuery day(Granularity g) {
    return new AnalyticsQuery(TENANT, DAY_FROM, DAY_TO, g, null, false);
  }

  // ---- summary -------------------------------------------------------------------------------

  @Test
  void hourlyBucketsAndTotals() {
    AnalyticsResult r = summary(DAY_FROM, DAY_TO, Granularity.HOUR, null, false);

    assertThat(r.buckets())
        .containsExactly(
            new AnalyticsBucket("2026-03-10T10:00:00Z", 6, 1, 0, 200.0, 0.0, 1),
            new AnalyticsBucket("2026-03-10T11:00:00Z", 4, 0, 2, 0.0, 0.5, 1),
            new AnalyticsBucket("2026-03-10T12:00:00Z", 2, 0, 0, 0.0, 0.0, 1));
    assertThat(r.totals()).isEqualTo(new AnalyticsTotals(12, 1, 2, 200.0, 0.5, 3, 2));
  }

  @Test
  void dailyBuckets() {
    AnalyticsResult r =
        summary(
            "2026-03-09T00:00:00.000Z", "2026-03-16T23:59:59.999Z", Granularity.DAY, null, false);

    assertThat(r.buckets())
        .containsExactly(
            new AnalyticsBucket("2026-03-10T00:00:00Z", 12, 1, 2, 200.0, 0.5, 3),
            new AnalyticsBucket("2026-03-11T00:00:00Z", 1, 1, 0, 0.0, 0.0, 1),
            new AnalyticsBucket("2026-03-16T00:00:00Z", 1, 0, 1, 0.0, 0.0, 1));
    assertThat(r.totals()).isEqualTo(new AnalyticsTotals(14, 2, 3, 200.0, 0.5, 4, 2));
  }

  @Test
  void weeklyBucketsAreIsoWeeks() {
    AnalyticsResult r =
        summary(
            "2026-03-09T00:00:00.000Z", "2026-03-16T23:59:59.999Z", Granularity.WEEK, null, false);

    assertThat(r.buckets())
        .containsExactly(
            new AnalyticsBucket("2026-W11", 13, 2, 2, 200.0, 0.5, 4),
            new AnalyticsBucket("2026-W12", 1, 0, 1, 0.0, 0.0, 1));
  }

  @Test
  void isoWeeksCrossTheYearByIsoYear() {
    write(
        events.toolCall("y1", "web_search").at("2026-12-31T12:00:00.000Z").build(),
        events.toolCall("y1", "web_search").at("2027-01-01T12:00:00.000Z").build(),
        events.toolCall("y1", "web_search").at("2027-01-04T12:00:00.000Z").build());

    AnalyticsResult r =
        summary(
            "2026-12-28T00:00:00.000Z", "2027-01-10T00:00:00.000Z", Granularity.WEEK, null, false);

    assertThat(r.buckets())
        .containsExactly(
            new AnalyticsBucket("2026-W53", 2, 2, 0, 0.0, 0.0, 1),
            new AnalyticsBucket("2027-W01", 1, 1, 0, 0.0, 0.0, 1));
  }

  @Test
  void agentFilter() {
    AnalyticsResult r = summary(DAY_FROM, DAY_TO, Granularity.HOUR, "agent-2", false);

    assertThat(r.buckets())
        .containsExactly(
            new AnalyticsBucket("2026-03-10T11:00:00Z", 4, 0, 2, 0.0, 0.5, 1),
            new AnalyticsBucket("2026-03-10T12:00:00Z", 2, 0, 0, 0.0, 0.0, 1));
    assertThat(r.totals()).isEqualTo(new AnalyticsTotals(6, 0, 2, 0.0, 0.5, 2, 1));
  }

  @Test
  void excludeMetricsDropsOtlpMetricEvents() {
    AnalyticsResult r = summary(DAY_FROM, DAY_TO, Granularity.HOUR, null, true);

    assertThat(r.buckets().get(1))
        .isEqualTo(new AnalyticsBucket("2026-03-10T11:00:00Z", 3, 0, 1, 0.0, 0.5, 1));
    assertThat(r.totals()).isEqualTo(new AnalyticsTotals(11, 1, 1, 200.0, 0.5, 3, 2));
  }

  @Test
  void windowIsInclusiveAtBothEnds() {
    AnalyticsResult r =
        summary(
            "2026-03-10T10:10:00.000Z", "2026-03-10T11:00:00.000Z", Granularity.HOUR, null, false);

    assertThat(r.buckets())
        .containsExactly(
            new AnalyticsBucket("2026-03-10T10:00:00Z", 5, 1, 0, 200.0, 0.0, 1),
            new AnalyticsBucket("2026-03-10T11:00:00Z", 1, 0, 1, 0.0, 0.0, 1));
    assertThat(r.totals()).isEqualTo(new AnalyticsTotals(6, 1, 1, 200.0, 0.0, 2, 2));
  }

  @Test
  void anEmptyWindowHasNoBucketsAndZeroTotals() {
    AnalyticsResult r =
        summary(
            "2026-01-01T00:00:00.000Z", "2026-01-02T00:00:00.000Z", Granularity.HOUR, null, false);

    assertThat(r.buckets()).isEmpty();
    assertThat(r.totals()).isEqualTo(new AnalyticsTotals(0, 0, 0, 0.0, 0.0, 0, 0));
  }

  @Test
  void summaryForTagsRestrictsToSessionsWithAnyTag() {
    AnalyticsQuery q = day(Granularity.HOUR);

    assertThat(await(store.analytics().summaryForTags(q, List.of("prod"))).totals())
        .isEqualTo(new AnalyticsTotals(6, 1, 0, 200.0, 0.0, 1, 1));
    assertThat(await(store.analytics().summaryForTags(q, List.of("staging", "prod"))).totals())
        .isEqualTo(new AnalyticsTotals(8, 1, 0, 200.0, 0.0, 2, 2));
    assertThat(await(store.analytics().summaryForTags(q, List.of("nope"))).totals())
        .isEqualTo(new AnalyticsTotals(0, 0, 0, 0.0, 0.0, 0, 0));
    assertThat(await(store.analytics().summaryForTags(q, List.of())).totals())
        .isEqualTo(new AnalyticsTotals(12, 1, 2, 200.0, 0.5, 3, 2));
  }

  // ---- sub-routes ----------------------------------------------------------------------------

  @Test
  void costsGroupCostTrackedAndLlmResponseEvents() {
    CostAnalytics c = await(store.analytics().costs(day(Granularity.HOUR)));

    assertThat(c.byAgent())
        .containsExactly(
            new CostAnalytics.ByAgent("agent-2", 2.5, 1300, 300, 1600, 50, 0, 2),
            new CostAnalytics.ByAgent("agent-1", 0.25, 200, 40, 240, 0, 0, 1));
    assertThat(c.byModel())
        .containsExactly(
            new CostAnalytics.ByModel("claude-sonnet", 2.5, 2),
            new CostAnalytics.ByModel("gpt-4o", 0.25, 1));
    assertThat(c.bySession())
        .containsExactly(
            new CostAnalytics.BySession("s2", 2.5, 2), new CostAnalytics.BySession("s1", 0.25, 1));
    assertThat(c.overTime())
        .containsExactly(
            new CostAnalytics.OverTime("2026-03-10T10:00:00Z", 0.25, 1, Map.of("agent-1", 0.25)),
            new CostAnalytics.OverTime("2026-03-10T11:00:00Z", 2.5, 2, Map.of("agent-2", 2.5)));
    assertThat(c.totals()).isEqualTo(new CostAnalytics.Totals(2.75, 1500, 340, 1840));
  }

  @Test
  void agentsAggregateSessionsStartedInTheWindow() {
    List<AgentAnalytics> a = await(store.analytics().agents(day(Granularity.HOUR)));

    assertThat(a)
        .containsExactly(
            new AgentAnalytics("agent-2", 2, 6, 2, 2.0 / 6, 2.5, 1500.0),
            new AgentAnalytics("agent-1", 1, 6, 0, 0.0, 0.25, 2_700_000.0));
  }

  @Test
  void toolsCountCallsResponsesAndErrorsPerToolName() {
    List<ToolAnalytics> t = await(store.analytics().tools(day(Granularity.HOUR)));

    assertThat(t)
        .containsExactly(
            new ToolAnalytics("web_search", 3, 0, 0.0, 200.0),
            new ToolAnalytics("db_query", 1, 1, 1.0, 50.0));
  }

  @Test
  void llmSummarisesLlmResponses() {
    LlmAnalytics l =
        await(
            store
                .analytics()
                .llm(new LlmQuery(TENANT, DAY_FROM, DAY_TO, Granularity.HOUR, null, null, null)));

    assertThat(l.summary()).isEqualTo(new LlmAnalytics.Summary(2, 2.25, 500, 140, 1000.0, 1.125));
    assertThat(l.byModel())
        .containsExactly(
            new LlmAnalytics.ByModel("anthropic", "claude-sonnet", 1, 2.0, 300, 100, 1200.0),
            new LlmAnalytics.ByModel("openai", "gpt-4o", 1, 0.25, 200, 40, 800.0));
    assertThat(l.byTime())
        .containsExactly(
            new LlmAnalytics.ByTime("2026-03-10T10:00:00Z", 1, 0.25, 200, 40, 800.0),
            new LlmAnalytics.ByTime("2026-03-10T11:00:00Z", 1, 2.0, 300, 100, 1200.0));
  }

  @Test
  void llmFiltersByAgentModelAndProvider() {
    LlmQuery byModel =
        new LlmQuery(TENANT, DAY_FROM, DAY_TO, Granularity.HOUR, null, "gpt-4o", null);
    LlmQuery byProvider =
        new LlmQuery(TENANT, DAY_FROM, DAY_TO, Granularity.HOUR, null, null, "anthropic");
    LlmQuery byAgent =
        new LlmQuery(TENANT, DAY_FROM, DAY_TO, Granularity.HOUR, "agent-1", null, null);
    LlmQuery none =
        new LlmQuery(TENANT, DAY_FROM, DAY_TO, Granularity.HOUR, "agent-2", "gpt-4o", null);

    assertThat(await(store.analytics().llm(byModel)).summary())
        .isEqualTo(new LlmAnalytics.Summary(1, 0.25, 200, 40, 800.0, 0.25));
    assertThat(await(store.analytics().llm(byProvider)).summary())
        .isEqualTo(new LlmAnalytics.Summary(1, 2.0, 300, 100, 1200.0, 2.0));
    assertThat(await(store.analytics().llm(byAgent)).summary())
        .isEqualTo(new LlmAnalytics.Summary(1, 0.25, 200, 40, 800.0, 0.25));
    LlmAnalytics empty = await(store.analytics().llm(none));
    assertThat(empty.summary()).isEqualTo(new LlmAnalytics.Summary(0, 0.0, 0, 0, 0.0, 0.0));
    assertThat(empty.byModel()).isEmpty();
    assertThat(empty.byTime()).isEmpty();
  }
}
