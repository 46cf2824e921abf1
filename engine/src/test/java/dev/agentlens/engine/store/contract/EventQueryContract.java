package dev.agentlens.engine.store.contract;

import static dev.agentlens.engine.testing.TestEvents.arr;
import static dev.agentlens.engine.testing.TestEvents.obj;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.EventQuery;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.Page;
import dev.agentlens.engine.model.Severity;
import dev.agentlens.engine.model.SortOrder;
import dev.agentlens.engine.model.WriteResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/events and /api/events/:id (reference §5): every filter, order and page. */
public abstract class EventQueryContract extends StoreContractBase {

  private IngestEvent e1, e2, e3, e4, e5, e6, e7, foreign;
  private List<Event> committed;

  @BeforeEach
  void writeFixture() {
    e1 =
        events
            .sessionStarted("s1")
            .agentName("Alpha")
            .tags("prod")
            .meta("env", "staging-zeta")
            .at("2026-03-10T10:00:00.000Z")
            .build();
    e2 =
        events
            .toolCall("s1", "web_search")
            .with("arguments", obj("query", "100% Pure_Data"))
            .at("2026-03-10T10:01:00.000Z")
            .build();
    e3 =
        events
            .toolError("s1", "web_search", 3000)
            .with("error", "Upstream Timeout")
            .severity(Severity.ERROR)
            .at("2026-03-10T10:02:00.000Z")
            .build();
    e4 =
        events
            .llmCall("s2", "openai", "gpt-4o")
            .agent("agent-2")
            .with("messages", arr(obj("role", "user", "content", "More Data at C:\\tmp")))
            .at("2026-03-10T10:03:00.000Z")
            .build();
    e5 =
        events
            .llmResponse("s2", "openai", "gpt-4o", 420, 38, 0.0049, 1000)
            .agent("agent-2")
            .severity(Severity.WARN)
            .at("2026-03-10T10:04:00.000Z")
            .build();
    e6 =
        events
            .otlpMetric("s2", "queue.depth", 42)
            .agent("agent-2")
            .severity(Severity.CRITICAL)
            .at("2026-03-10T10:05:00.000Z")
            .build();
    e7 = events.sessionEnded("s1", "completed").at("2026-03-10T10:06:00.000Z").build();
    foreign = otherEvents.toolCall("s1", "web_search").at("2026-03-10T10:01:30.000Z").build();
    WriteResult r = write(e1, e2, e3, e4, e5, e6, e7, foreign);
    committed = r.committed();
  }

  private EventQuery query(
      String sessionId,
      String agentId,
      List<String> types,
      List<String> severities,
      String from,
      String to,
      String search,
      boolean excludeMetrics,
      SortOrder order) {
    return new EventQuery(
        TENANT,
        sessionId,
        agentId,
        types,
        severities,
        from,
        to,
        search,
        excludeMetrics,
        order,
        EventQuery.DEFAULT_LIMIT,
        0);
  }

  private EventQuery search(String term) {
    return query(null, null, null, null, null, null, term, false, SortOrder.ASC);
  }

  private Page<Event> run(EventQuery q) {
    return await(store.events().query(q));
  }

  private static void assertPage(Page<Event> page, long total, boolean hasMore, IngestEvent... in) {
    assertThat(ids(page.items())).containsExactlyElementsOf(idsOf(in));
    assertThat(page.total()).as("total").isEqualTo(total);
    assertThat(page.hasMore()).as("hasMore").isEqualTo(hasMore);
  }

  @Test
  void everyEventOfTheTenantNewestFirstByDefault() {
    assertPage(run(EventQuery.all(TENANT)), 7, false, e7, e6, e5, e4, e3, e2, e1);
  }

  @Test
  void ascendingOrder() {
    assertPage(run(allAsc(TENANT)), 7, false, e1, e2, e3, e4, e5, e6, e7);
  }

  @Test
  void itemsAreTheFullStoredEvents() {
    List<Event> mine = committed.subList(0, 7);
    assertThat(run(allAsc(TENANT)).items()).containsExactlyElementsOf(mine);
  }

  @Test
  void filterBySession() {
    assertPage(
        run(query("s1", null, null, null, null, null, null, false, SortOrder.DESC)),
        4,
        false,
        e7,
        e3,
        e2,
        e1);
  }

  @Test
  void filterByAgent() {
    assertPage(
        run(query(null, "agent-2", null, null, null, null, null, false, SortOrder.ASC)),
        3,
        false,
        e4,
        e5,
        e6);
  }

  @Test
  void filterByEventTypeList() {
    assertPage(
        run(
            query(
                null,
                null,
                List.of("tool_call", "tool_error"),
                null,
                null,
                null,
                null,
                false,
                SortOrder.ASC)),
        2,
        false,
        e2,
        e3);
    assertPage(
        run(query(null, null, List.of("nope"), null, null, null, null, false, SortOrder.ASC)),
        0,
        false);
  }

  @Test
  void agentAndTypesInAWindowArePagedInOrderWithTheirTotal() {
    String at = "2026-03-10T12:00:0";
    IngestEvent a = events.toolCall("s7", "t").agent("agent-3").at(at + "1.000Z").build();
    IngestEvent b =
        events.llmCall("s7", "openai", "gpt-4o").agent("agent-3").at(at + "2.000Z").build();
    IngestEvent c = events.toolError("s7", "t", 1).agent("agent-3").at(at + "3.000Z").build();
    IngestEvent d = events.toolCall("s7", "t").agent("agent-3").at(at + "4.000Z").build();
    IngestEvent tie = events.toolCall("s7", "t").agent("agent-3").at(at + "4.000Z").build();
    IngestEvent late = events.toolCall("s7", "t").agent("agent-3").at(at + "9.000Z").build();
    IngestEvent otherAgent = events.toolCall("s8", "t").agent("agent-4").at(at + "3.500Z").build();
    write(a, b, c, d, tie, late, otherAgent);
    List<String> types = List.of("tool_error", "tool_call", "nope");
    String from = at + "1.000Z";
    String to = at + "5.000Z";

    EventQuery desc = query(null, "agent-3", types, null, from, to, null, false, SortOrder.DESC);
    assertPage(run(desc.withPage(2, 0)), 4, true, tie, d);
    assertPage(run(desc.withPage(2, 2)), 4, false, c, a);
    EventQuery asc = query(null, "agent-3", types, null, from, to, null, false, SortOrder.ASC);
    assertPage(run(asc.withPage(3, 0)), 4, true, a, c, d);
    assertThat(await(store.events().count(asc))).isEqualTo(4L);
    assertPage(
        run(query(null, "agent-3", List.of("nope"), null, null, null, null, false, null)),
        0,
        false);
    assertThat(
            await(
                store
                    .events()
                    .count(
                        query(
                            null,
                            "agent-3",
                            List.of("nope"),
                            null,
                            null,
                            null,
                            null,
                            false,
                            null))))
        .isZero();
  }

  @Test
  void filterBySeverityList() {
    assertPage(
        run(
            query(
                null,
                null,
                null,
                List.of("error", "critical"),
                null,
                null,
                null,
                false,
                SortOrder.DESC)),
        2,
        false,
        e6,
        e3);
  }

  @Test
  void fromAndToAreInclusive() {
    assertPage(
        run(
            query(
                null,
                null,
                null,
                null,
                e2.timestamp(),
                e5.timestamp(),
                null,
                false,
                SortOrder.ASC)),
        4,
        false,
        e2,
        e3,
        e4,
        e5);
  }

  @Test
  void fromAloneAndToAlone() {
    assertPage(
        run(query(null, null, null, null, e6.timestamp(), null, null, false, SortOrder.ASC)),
        2,
        false,
        e6,
        e7);
    assertPage(
        run(query(null, null, null, null, null, e1.timestamp(), null, false, SortOrder.ASC)),
        1,
        false,
        e1);
  }

  @Test
  void filtersAreAnded() {
    assertPage(
        run(
            query(
                "s1",
                "agent-1",
                List.of("tool_call", "llm_call"),
                List.of("info"),
                e1.timestamp(),
                e7.timestamp(),
                "search",
                false,
                SortOrder.ASC)),
        1,
        false,
        e2);
  }

  @Test
  void searchIsASubstringOfThePayloadText() {
    assertPage(run(search("web_search")), 2, false, e2, e3);
    assertPage(run(search("\"toolName\":\"web_search\",\"callId\"")), 1, false, e2);
  }

  @Test
  void searchIgnoresAsciiCase() {
    assertPage(run(search("WEB_SEARCH")), 2, false, e2, e3);
    assertPage(run(search("timeout")), 1, false, e3);
  }

  @Test
  void searchCaseFoldingIsAsciiOnly() {
    IngestEvent cafe =
        events.custom("s9", "note").with("data", obj("text", "Caf\u00e9 au lait")).build();
    write(cafe);

    assertThat(ids(run(search("CAF\u00e9")).items())).containsExactly(cafe.id());
    assertThat(ids(run(search("caf\u00c9")).items())).isEmpty();
  }

  @Test
  void searchMatchesPercentUnderscoreAndBackslashLiterally() {
    // As LIKE wildcards "100%" would also match "latencyMs":1000 and "e_D" would match "More Data".
    assertPage(run(search("100%")), 1, false, e2);
    assertPage(run(search("e_D")), 1, false, e2);
    assertPage(run(search("%")), 1, false, e2);
    assertPage(run(search("\\")), 1, false, e4);
  }

  @Test
  void searchDoesNotLookAtMetadata() {
    assertPage(run(search("staging-zeta")), 0, false);
  }

  @Test
  void excludeMetricsDropsOtlpMetricEvents() {
    assertPage(
        run(query(null, null, null, null, null, null, null, true, SortOrder.DESC)),
        6,
        false,
        e7,
        e5,
        e4,
        e3,
        e2,
        e1);
  }

  @Test
  void pagesCarryTotalAndHasMore() {
    EventQuery q = EventQuery.all(TENANT);
    assertPage(run(q.withPage(3, 0)), 7, true, e7, e6, e5);
    assertPage(run(q.withPage(3, 3)), 7, true, e4, e3, e2);
    assertPage(run(q.withPage(3, 4)), 7, false, e3, e2, e1);
    assertPage(run(q.withPage(3, 6)), 7, false, e1);
    assertPage(run(q.withPage(3, 7)), 7, false);
  }

  @Test
  void equalTimestampsAreOrderedById() {
    String ts = "2026-03-10T11:00:00.000Z";
    IngestEvent x = events.custom("s9", "x").at(ts).build();
    IngestEvent y = events.custom("s9", "y").at(ts).build();
    IngestEvent z = events.custom("s9", "z").at(ts).build();
    assertThat(x.id()).isLessThan(y.id());
    assertThat(y.id()).isLessThan(z.id());
    write(z, x, y);

    EventQuery asc = query("s9", null, null, null, null, null, null, false, SortOrder.ASC);
    EventQuery desc = query("s9", null, null, null, null, null, null, false, SortOrder.DESC);
    assertPage(run(asc), 3, false, x, y, z);
    assertPage(run(desc), 3, false, z, y, x);
    assertPage(run(asc.withPage(1, 1)), 3, true, y);
  }

  @Test
  void countUsesTheSameFiltersAndIgnoresThePage() {
    EventQuery s1Errors =
        new EventQuery(
            TENANT, "s1", null, null, List.of("error"), null, null, null, false, null, 1, 3);
    assertThat(await(store.events().count(s1Errors))).isEqualTo(1L);
    assertThat(await(store.events().count(EventQuery.all(TENANT)))).isEqualTo(7L);
    assertThat(await(store.events().count(EventQuery.all(OTHER_TENANT)))).isEqualTo(1L);
    assertThat(await(store.events().count(search("web_search")))).isEqualTo(2L);
    assertThat(
            await(
                store.events().count(query(null, null, null, null, null, null, null, true, null))))
        .isEqualTo(6L);
  }

  @Test
  void filteredCountsEqualARecountOverAnyWindowBeforeAndAfterRetention() {
    List<IngestEvent> batch = new ArrayList<>();
    Instant t = Instant.parse("2026-04-01T00:07:00Z");
    for (int i = 0; i < 240; i++, t = t.plusSeconds(97)) {
      String session = "w" + (i % 4);
      batch.add(events.inTurn(i, session).agent("a" + (i % 3)).at(t).build());
    }
    List<Event> stored = new ArrayList<>(write(batch.toArray(IngestEvent[]::new)).committed());
    assertCountsMatch(stored);

    String cutoff = "2026-04-01T02:30:00.500Z";
    while (!await(store.retention().purgeChunk(cutoff, 50)).done()) {
      // one chunk per call, as the retention engine runs it
    }
    stored.removeIf(e -> e.timestamp().compareTo(cutoff) < 0);
    assertCountsMatch(stored);
  }

  private void assertCountsMatch(List<Event> stored) {
    String[][] windows = {
      {"2026-04-01T01:00:00.000Z", "2026-04-01T03:59:59.999Z"},
      {"2026-04-01T00:30:00.000Z", "2026-04-01T04:15:00.000Z"},
      {"2026-04-01T01:10:00.000Z", "2026-04-01T01:50:00.000Z"},
      {"2026-04-01T02:00:00.000Z", "2026-04-01T05:30:00.123Z"},
      {"2026-03-31T00:00:00.000Z", "2026-04-02T00:00:00.000Z"}
    };
    List<List<String>> typeLists =
        List.of(List.of(), List.of("tool_call"), List.of("tool_call", "tool_error", "nope"));
    for (String[] w : windows) {
      for (String agent : Arrays.asList(null, "a1", "a2")) {
        for (List<String> types : typeLists) {
          EventQuery q = query(null, agent, types, null, w[0], w[1], null, false, null);
          long expected =
              stored.stream()
                  .filter(e -> e.timestamp().compareTo(w[0]) >= 0)
                  .filter(e -> e.timestamp().compareTo(w[1]) <= 0)
                  .filter(e -> agent == null || agent.equals(e.agentId()))
                  .filter(e -> types.isEmpty() || types.contains(e.eventType().wire()))
                  .count();
          assertThat(await(store.events().count(q)))
              .as("%s..%s agent %s types %s", w[0], w[1], agent, types)
              .isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void getReturnsTheStoredEvent() {
    assertThat(await(store.events().get(TENANT, e5.id()))).contains(committed.get(4));
  }

  @Test
  void getOfAnUnknownIdOrAnotherTenantsIdIsEmpty() {
    assertThat(await(store.events().get(TENANT, "01J0000000000000000000NONE"))).isEmpty();
    assertThat(await(store.events().get(TENANT, foreign.id()))).isEmpty();
    assertThat(await(store.events().get(OTHER_TENANT, e1.id()))).isEmpty();
  }
}
