package dev.agentlens.engine.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.agentlens.engine.model.Agent;
import dev.agentlens.engine.model.AlertCondition;
import dev.agentlens.engine.model.AlertHistory;
import dev.agentlens.engine.model.AlertRule;
import dev.agentlens.engine.model.AlertScope;
import dev.agentlens.engine.model.AnalyticsQuery;
import dev.agentlens.engine.model.AnalyticsTotals;
import dev.agentlens.engine.model.ApiKey;
import dev.agentlens.engine.model.ChainReport;
import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.EventQuery;
import dev.agentlens.engine.model.Granularity;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.LlmQuery;
import dev.agentlens.engine.model.Page;
import dev.agentlens.engine.model.Session;
import dev.agentlens.engine.model.SessionQuery;
import dev.agentlens.engine.model.StatsOverview;
import dev.agentlens.engine.model.StorageStats;
import dev.agentlens.engine.model.TimeWindow;
import dev.agentlens.engine.model.Timeline;
import dev.agentlens.engine.model.ToolAnalytics;
import dev.agentlens.engine.store.TimelineWalk;
import dev.agentlens.engine.testing.TestEvents;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two tenants with the same session ids, agent ids and client event ids (SPEC §5): every read of
 * every role answers with the caller's data only. Tenant A has s1 (4 events); tenant B has s1 (4
 * events, ten times the costs) and s2 (1 event).
 */
public abstract class TenantIsolationContract extends StoreContractBase {

  private static final String A = TENANT;
  private static final String B = OTHER_TENANT;
  private static final TimeWindow DAY =
      new TimeWindow("2026-03-10T00:00:00.000Z", "2026-03-10T23:59:59.999Z");

  private List<Event> written;

  @BeforeEach
  void writeFixture() {
    written =
        write(
                concat(
                    sessionOf(events, "Alpha-A", 1.0, 0.5, 100),
                    sessionOf(otherEvents, "Alpha-B", 10.0, 5.0, 900)))
            .committed();
    write(otherEvents.toolCall("s2", "web_search").clientId("evt-5").build());
  }

  private static List<IngestEvent> sessionOf(
      TestEvents te, String name, double llmCost, double trackedCost, double durationMs) {
    return List.of(
        te.sessionStarted("s1").agentName(name).tags("prod").clientId("evt-1").build(),
        te.toolResponse("s1", "web_search", durationMs).clientId("evt-2").build(),
        te.llmResponse("s1", "openai", "gpt-4o", 100, 10, llmCost, 500).clientId("evt-3").build(),
        te.costTracked("s1", "openai", "gpt-4o", 100, 10, trackedCost).clientId("evt-4").build());
  }

  private static List<IngestEvent> concat(List<IngestEvent> a, List<IngestEvent> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }

  private AnalyticsQuery analytics(String tenantId) {
    return new AnalyticsQuery(tenantId, DAY.from(), DAY.to(), Granularity.HOUR, null, false);
  }

  @Test
  void theSameClientIdsAreTwoEventsInTwoTenants() {
    assertThat(written).hasSize(8);
    assertThat(written).extracting(Event::tenantId).containsExactly(A, A, A, A, B, B, B, B);
  }

  @Test
  void eventQueriesAndGets() {
    Page<Event> mine = await(store.events().query(EventQuery.all(A)));
    assertThat(ids(mine.items())).containsExactly("evt-4", "evt-3", "evt-2", "evt-1");
    assertThat(mine.items()).extracting(Event::tenantId).containsOnly(A);
    assertThat(mine.total()).isEqualTo(4);
    assertThat(await(store.events().query(EventQuery.all(B))).total()).isEqualTo(5);
    assertThat(await(store.events().count(EventQuery.all(A)))).isEqualTo(4L);

    assertThat(await(store.events().get(A, "evt-3"))).contains(written.get(2));
    assertThat(await(store.events().get(B, "evt-3"))).contains(written.get(6));
    assertThat(await(store.events().get(A, "evt-5"))).isEmpty();
  }

  @Test
  void timelinesAndVerification() {
    Timeline t = await(TimelineWalk.readAll(store.events(), A, "s1")).orElseThrow();
    assertThat(t.events()).containsExactlyElementsOf(written.subList(0, 4));
    assertThat(t.chainValid()).isTrue();
    assertThat(await(TimelineWalk.readAll(store.events(), A, "s2"))).isEmpty();

    assertThat(await(store.events().verifySession(A, "s1")))
        .isEqualTo(new ChainReport(1, 4, List.of()));
    assertThat(await(store.events().verifyWindow(A, DAY)))
        .isEqualTo(new ChainReport(1, 4, List.of()));
    assertThat(await(store.events().verifyWindow(B, DAY)))
        .isEqualTo(new ChainReport(2, 5, List.of()));
  }

  @Test
  void sessions() {
    Session mine = session(A, "s1");
    assertThat(mine.tenantId()).isEqualTo(A);
    assertThat(mine.agentName()).isEqualTo("Alpha-A");
    assertThat(mine.eventCount()).isEqualTo(4);
    assertThat(mine.totalCostUsd()).isEqualTo(1.5);
    assertThat(session(B, "s1").totalCostUsd()).isEqualTo(15.0);
    assertThat(await(store.sessions().get(A, "s2"))).isEmpty();

    Page<Session> page = await(store.sessions().query(SessionQuery.all(A)));
    assertThat(page.items()).containsExactly(mine);
    assertThat(page.total()).isEqualTo(1);
    assertThat(await(store.sessions().count(SessionQuery.all(B)))).isEqualTo(2L);
  }

  @Test
  void agents() {
    List<Agent> mine = await(store.agents().list(A));
    assertThat(mine)
        .extracting(Agent::id, Agent::name, Agent::sessionCount, Agent::tenantId)
        .containsExactly(tuple("agent-1", "Alpha-A", 1L, A));
    assertThat(await(store.agents().get(B, "agent-1")).orElseThrow().sessionCount()).isEqualTo(2);
    assertThat(await(store.agents().get(B, "agent-1")).orElseThrow().name()).isEqualTo("Alpha-B");
  }

  @Test
  void analytics() {
    assertThat(await(store.analytics().summary(analytics(A))).totals())
        .isEqualTo(new AnalyticsTotals(4, 0, 0, 100.0, 0.5, 1, 1));
    assertThat(await(store.analytics().summary(analytics(B))).totals())
        .isEqualTo(new AnalyticsTotals(5, 1, 0, 900.0, 5.0, 2, 1));
    assertThat(await(store.analytics().summaryForTags(analytics(A), List.of("prod"))).totals())
        .isEqualTo(new AnalyticsTotals(4, 0, 0, 100.0, 0.5, 1, 1));
    assertThat(await(store.analytics().costs(analytics(A))).totals().totalCostUsd()).isEqualTo(1.5);
    assertThat(await(store.analytics().agents(analytics(A))))
        .extracting(a -> a.sessionCount())
        .containsExactly(1L);
    assertThat(await(store.analytics().tools(analytics(A))))
        .containsExactly(new ToolAnalytics("web_search", 1, 0, 0.0, 100.0));
    assertThat(
            await(
                    store
                        .analytics()
                        .llm(
                            new LlmQuery(
                                A, DAY.from(), DAY.to(), Granularity.HOUR, null, null, null)))
                .summary()
                .totalCostUsd())
        .isEqualTo(1.0);
  }

  @Test
  void alerts() {
    AlertRule ruleA =
        new AlertRule(
            "rule-a",
            "A",
            true,
            AlertCondition.COST_EXCEEDS,
            1,
            60,
            AlertScope.ALL,
            List.of(),
            DAY.from(),
            DAY.from(),
            A);
    AlertRule ruleB =
        new AlertRule(
            "rule-b",
            "B",
            true,
            AlertCondition.COST_EXCEEDS,
            1,
            60,
            AlertScope.ALL,
            List.of(),
            DAY.from(),
            DAY.from(),
            B);
    AlertHistory hB =
        new AlertHistory(
            "h-b",
            "rule-b",
            DAY.from(),
            null,
            15,
            1,
            "Cost $15 exceeds threshold $1 in the last 60m",
            B);
    await(store.alerts().createRule(ruleA));
    await(store.alerts().createRule(ruleB));
    await(store.alerts().insertHistory(hB));

    assertThat(await(store.alerts().listRules(A))).containsExactly(ruleA);
    assertThat(await(store.alerts().getRule(A, "rule-b"))).isEmpty();
    assertThat(await(store.alerts().history(A, null, 50, 0)).total()).isZero();
    assertThat(await(store.alerts().latestHistory(A, "rule-b"))).isEmpty();
    assertThat(await(store.alerts().history(B, null, 50, 0)).items()).containsExactly(hB);
  }

  @Test
  void statsAndKeys() {
    StorageStats s = await(store.stats().stats(A));
    assertThat(s.totalEvents()).isEqualTo(4);
    assertThat(s.totalSessions()).isEqualTo(1);
    assertThat(s.totalAgents()).isEqualTo(1);
    assertThat(await(store.stats().overview(A, DAY, DAY)))
        .isEqualTo(new StatsOverview(4, 4, 0, 0, 1, 1, 1, 0.0));

    ApiKey kA =
        new ApiKey("key-a", "a".repeat(64), "a", List.of("*"), A, 1L, null, null, null, null);
    ApiKey kB =
        new ApiKey("key-b", "b".repeat(64), "b", List.of("*"), B, 1L, null, null, null, null);
    await(store.keys().insert(kA));
    await(store.keys().insert(kB));
    assertThat(await(store.keys().list(A))).containsExactly(kA);
  }

  @Test
  void retentionAnchors() {
    while (!await(store.retention().purgeChunk("2026-03-10T10:00:01.500Z", 1000)).done()) {
      // chunks until nothing expired is left
    }

    assertThat(await(store.retention().anchors(A, "s1")))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.tenantId()).isEqualTo(A);
              assertThat(a.lastHash()).isEqualTo(written.get(1).hash());
            });
    assertThat(await(store.retention().anchors(B, "s1")))
        .singleElement()
        .satisfies(a -> assertThat(a.lastHash()).isEqualTo(written.get(5).hash()));
    assertThat(await(TimelineWalk.readAll(store.events(), A, "s1")).orElseThrow().chainValid())
        .isTrue();
  }
}
