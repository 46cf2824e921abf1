package dev.agentlens.engine.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.Page;
import dev.agentlens.engine.model.Session;
import dev.agentlens.engine.model.SessionQuery;
import dev.agentlens.engine.model.SessionStatus;
import dev.agentlens.engine.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Session aggregates (reference §3.2 with the SPEC §4 fixes), derived idle status and GET
 * /api/sessions filters (reference §3.3).
 */
public abstract class SessionsContract extends StoreContractBase {

  private static final String TS = "2026-03-10T10:00:00.000Z";

  private Page<Session> query(SessionQuery q) {
    return await(store.sessions().query(q));
  }

  private static SessionQuery q(
      String agentId, List<String> statuses, String from, String to, List<String> tags) {
    return new SessionQuery(TENANT, agentId, statuses, from, to, tags, 50, 0);
  }

  private static List<String> sessionIds(Page<Session> page) {
    return page.items().stream().map(Session::id).toList();
  }

  // ---- creation ------------------------------------------------------------------------------

  @Test
  void sessionStartedCreatesTheSessionWithNameAndTags() {
    IngestEvent e =
        events.sessionStarted("s1").agentName("Support Bot").tags("prod", "eu").at(TS).build();
    write(e);

    assertThat(session(TENANT, "s1"))
        .isEqualTo(
            new Session(
                "s1",
                "agent-1",
                "Support Bot",
                TS,
                null,
                SessionStatus.ACTIVE,
                1,
                0,
                0,
                0.0,
                0,
                0,
                0,
                List.of("prod", "eu"),
                TENANT,
                TS));
  }

  @Test
  void anyOtherFirstEventCreatesTheSessionWithCounters() {
    write(events.toolCall("s1", "search").at(TS).build());

    assertThat(session(TENANT, "s1"))
        .isEqualTo(
            new Session(
                "s1",
                "agent-1",
                null,
                TS,
                null,
                SessionStatus.ACTIVE,
                1,
                1,
                0,
                0.0,
                0,
                0,
                0,
                List.of(),
                TENANT,
                TS));
  }

  @Test
  void getOfAnUnknownSessionIsEmpty() {
    write(events.toolCall("s1", "search").build());
    assertThat(await(store.sessions().get(TENANT, "nope"))).isEmpty();
  }

  // ---- counters ------------------------------------------------------------------------------

  @Test
  void countersFollowTheReferenceAcrossBatches() {
    write(
        events.sessionStarted("s1").build(),
        events.toolCall("s1", "search").build(),
        events.toolResponse("s1", "search", 80).build(),
        events.llmCall("s1", "openai", "gpt-4o").build());
    write(
        events.llmResponse("s1", "openai", "gpt-4o", 100, 50, 0.25, 900).build(),
        events.costTracked("s1", "openai", "gpt-4o", 999, 888, 0.125).build(),
        events.toolCall("s1", "fetch").build(),
        events.toolError("s1", "fetch", 10).build());
    write(
        events.custom("s1", "note").severity(Severity.CRITICAL).build(),
        events.custom("s1", "note").severity(Severity.WARN).build(),
        events.llmResponse("s1", "anthropic", "claude", 10, 5, 0.5, 300).build());

    Session s = session(TENANT, "s1");
    assertThat(s.eventCount()).isEqualTo(11);
    assertThat(s.toolCallCount()).isEqualTo(2);
    assertThat(s.errorCount()).as("tool_error + critical").isEqualTo(2);
    assertThat(s.totalCostUsd()).as("cost_tracked + llm_response").isEqualTo(0.875);
    assertThat(s.llmCallCount()).as("llm_response only").isEqualTo(2);
    assertThat(s.totalInputTokens()).as("llm_response usage only").isEqualTo(110);
    assertThat(s.totalOutputTokens()).isEqualTo(55);
  }

  @Test
  void missingOrNonNumericCostsAndTokensCountAsZero() {
    write(
        events
            .llmResponse("s1", "openai", "gpt-4o", 1, 1, 1, 1)
            .without("costUsd")
            .without("usage")
            .build(),
        events.costTracked("s1", "openai", "gpt-4o", 1, 1, 1).with("costUsd", "0.75").build(),
        events.llmResponse("s1", "openai", "gpt-4o", 7, 3, 0.5, 1).build());

    Session s = session(TENANT, "s1");
    assertThat(s.totalCostUsd()).isEqualTo(0.5);
    assertThat(s.llmCallCount()).isEqualTo(2);
    assertThat(s.totalInputTokens()).isEqualTo(7);
    assertThat(s.totalOutputTokens()).isEqualTo(3);
  }

  @Test
  void errorAndCriticalSeveritiesAndToolErrorsCountAsErrors() {
    write(
        events.toolCall("s1", "search").severity(Severity.ERROR).build(),
        events.custom("s1", "x").severity(Severity.CRITICAL).build(),
        events.toolError("s1", "search", 5).severity(Severity.INFO).build(),
        events.custom("s1", "x").severity(Severity.WARN).build(),
        events.custom("s1", "x").severity(Severity.DEBUG).build());

    assertThat(session(TENANT, "s1").errorCount()).isEqualTo(3);
  }

  @Test
  void sessionStartedNeverBumpsTheErrorCount() {
    write(
        events.sessionStarted("s1").severity(Severity.ERROR).build(),
        events.sessionStarted("s1").severity(Severity.CRITICAL).build());

    Session s = session(TENANT, "s1");
    assertThat(s.errorCount()).isZero();
    assertThat(s.eventCount()).isEqualTo(2);
  }

  @Test
  void anErroneousSessionEndedCountsAsAnError() {
    write(
        events.sessionStarted("s1").build(),
        events.sessionEnded("s1", "error").severity(Severity.ERROR).build());

    assertThat(session(TENANT, "s1").errorCount()).isEqualTo(1);
  }

  // ---- end, restart, name, tags --------------------------------------------------------------

  @Test
  void sessionEndedCompletesTheSession() {
    IngestEvent end = events.sessionEnded("s1", "completed").at("2026-03-10T10:05:00.000Z").build();
    write(events.sessionStarted("s1").at(TS).build(), end);

    Session s = session(TENANT, "s1");
    assertThat(s.status()).isEqualTo(SessionStatus.COMPLETED);
    assertThat(s.endedAt()).isEqualTo(end.timestamp());
    assertThat(s.lastEventAt()).isEqualTo(end.timestamp());
    assertThat(s.eventCount()).isEqualTo(2);
  }

  @Test
  void endReasonDecidesTheTerminalStatus() {
    write(
        events.sessionEnded("err", "error").build(),
        events.sessionEnded("timeout", "timeout").build(),
        events.sessionEnded("manual", "manual").build());

    assertThat(session(TENANT, "err").status()).isEqualTo(SessionStatus.ERROR);
    assertThat(session(TENANT, "timeout").status()).isEqualTo(SessionStatus.COMPLETED);
    assertThat(session(TENANT, "manual").status()).isEqualTo(SessionStatus.COMPLETED);
  }

  @Test
  void aLaterSessionStartedReactivatesButKeepsEndedAt() {
    IngestEvent end = events.sessionEnded("s1", "error").build();
    write(events.sessionStarted("s1").build(), end);
    write(events.sessionStarted("s1").build());

    Session s = session(TENANT, "s1");
    assertThat(s.status()).isEqualTo(SessionStatus.ACTIVE);
    assertThat(s.endedAt()).isEqualTo(end.timestamp());
    assertThat(s.eventCount()).isEqualTo(3);
  }

  @Test
  void agentNameIsReplacedOnlyByAPayloadThatHasOne() {
    write(events.sessionStarted("s1").agentName("First").build());
    write(events.sessionStarted("s1").build());
    assertThat(session(TENANT, "s1").agentName()).isEqualTo("First");

    write(events.sessionStarted("s1").agentName("Second").build());
    assertThat(session(TENANT, "s1").agentName()).isEqualTo("Second");
  }

  @Test
  void tagsAreReplacedOnlyByANonEmptyList() {
    write(events.sessionStarted("s1").tags("a").build());
    write(events.sessionStarted("s1").tags().build(), events.sessionStarted("s1").build());
    assertThat(session(TENANT, "s1").tags()).containsExactly("a");

    write(events.sessionStarted("s1").tags("b", "c").build());
    assertThat(session(TENANT, "s1").tags()).containsExactly("b", "c");
  }

  @Test
  void tagsOfOtherEventTypesAreIgnored() {
    write(events.sessionStarted("s1").tags("a").build());
    write(events.toolCall("s1", "search").with("tags", List.of("zzz")).build());

    assertThat(session(TENANT, "s1").tags()).containsExactly("a");
  }

  // ---- times and identity --------------------------------------------------------------------

  @Test
  void lastEventAtIsTheMaxEventTimeEvenForBackdatedEvents() {
    write(
        events.sessionStarted("s1").at("2026-03-10T10:00:00.000Z").build(),
        events.toolCall("s1", "search").at("2026-03-10T10:05:00.000Z").build());
    write(events.toolCall("s1", "search").at("2026-03-10T09:50:00.000Z").build());

    Session s = session(TENANT, "s1");
    assertThat(s.lastEventAt()).isEqualTo("2026-03-10T10:05:00.000Z");
    assertThat(s.startedAt()).as("from the first event").isEqualTo("2026-03-10T10:00:00.000Z");
    assertThat(s.eventCount()).isEqualTo(3);
  }

  @Test
  void aBackdatedSessionEndedStillEndsTheSession() {
    write(events.toolCall("s1", "search").at("2026-03-10T10:05:00.000Z").build());
    write(events.sessionEnded("s1", "completed").at("2026-03-10T10:01:00.000Z").build());

    Session s = session(TENANT, "s1");
    assertThat(s.status()).isEqualTo(SessionStatus.COMPLETED);
    assertThat(s.endedAt()).isEqualTo("2026-03-10T10:01:00.000Z");
    assertThat(s.lastEventAt()).isEqualTo("2026-03-10T10:05:00.000Z");
  }

  @Test
  void agentIdOfASessionNeverChanges() {
    write(events.toolCall("s1", "search").agent("agent-1").build());
    write(
        events.sessionStarted("s1").agent("agent-2").agentName("Other").build(),
        events.toolCall("s1", "search").agent("agent-3").build());

    assertThat(session(TENANT, "s1").agentId()).isEqualTo("agent-1");
  }

  // ---- idle ----------------------------------------------------------------------------------

  @Test
  void anActiveSessionTurnsIdleAfterIdleMinutesOfSilence() {
    IngestEvent last = events.toolCall("s1", "search").at(T0.plusSeconds(60)).build();
    write(events.sessionStarted("s1").at(T0).build(), last);
    Instant lastAt = T0.plusSeconds(60);

    clock.set(lastAt.plus(Duration.ofMinutes(IDLE_MINUTES)));
    assertThat(session(TENANT, "s1").status()).isEqualTo(SessionStatus.ACTIVE);

    clock.set(lastAt.plus(Duration.ofMinutes(IDLE_MINUTES)).plusMillis(1));
    assertThat(session(TENANT, "s1").status()).isEqualTo(SessionStatus.IDLE);

    write(events.toolCall("s1", "search").at(clock.instant()).build());
    assertThat(session(TENANT, "s1").status()).isEqualTo(SessionStatus.ACTIVE);
  }

  @Test
  void terminalSessionsNeverTurnIdle() {
    write(events.sessionEnded("done", "completed").at(T0).build());
    write(events.sessionEnded("failed", "error").at(T0).build());

    clock.advance(Duration.ofDays(2));

    assertThat(session(TENANT, "done").status()).isEqualTo(SessionStatus.COMPLETED);
    assertThat(session(TENANT, "failed").status()).isEqualTo(SessionStatus.ERROR);
  }

  @Test
  void statusFilterSeparatesActiveFromIdle() {
    clock.set("2026-03-10T12:00:00Z");
    write(
        events.sessionStarted("old").at("2026-03-10T11:00:00.000Z").build(),
        events.sessionStarted("fresh").at("2026-03-10T11:45:00.000Z").build(),
        events.sessionStarted("done").at("2026-03-10T11:50:00.000Z").build(),
        events.sessionEnded("done", "completed").at("2026-03-10T11:51:00.000Z").build(),
        events.sessionEnded("broken", "error").at("2026-03-10T11:52:00.000Z").build());

    assertThat(sessionIds(query(q(null, List.of("active"), null, null, null))))
        .containsExactly("fresh");
    assertThat(sessionIds(query(q(null, List.of("idle"), null, null, null))))
        .containsExactly("old");
    assertThat(sessionIds(query(q(null, List.of("idle", "active"), null, null, null))))
        .containsExactly("fresh", "old");
    assertThat(sessionIds(query(q(null, List.of("completed"), null, null, null))))
        .containsExactly("done");
    assertThat(sessionIds(query(q(null, List.of("error", "idle"), null, null, null))))
        .containsExactly("broken", "old");
    assertThat(query(q(null, List.of("bogus"), null, null, null)).total()).isZero();
    assertThat(query(q(null, List.of("idle"), null, null, null)).items().get(0).status())
        .isEqualTo(SessionStatus.IDLE);
  }

  // ---- filters, order, pages -----------------------------------------------------------------

  @Test
  void filterByAgent() {
    write(
        events.sessionStarted("a1").agent("agent-1").build(),
        events.sessionStarted("b1").agent("agent-2").build(),
        events.sessionStarted("a2").agent("agent-1").build());

    Page<Session> page = query(q("agent-1", null, null, null, null));
    assertThat(sessionIds(page)).containsExactly("a2", "a1");
    assertThat(page.total()).isEqualTo(2);
  }

  @Test
  void fromAndToFilterStartedAtInclusively() {
    write(
        events.sessionStarted("s1").at("2026-03-10T10:00:00.000Z").build(),
        events.sessionStarted("s2").at("2026-03-10T11:00:00.000Z").build(),
        events.sessionStarted("s3").at("2026-03-10T12:00:00.000Z").build(),
        // a late event in s1 does not move its start into the window
        events.toolCall("s1", "search").at("2026-03-10T11:30:00.000Z").build());

    assertThat(
            sessionIds(
                query(q(null, null, "2026-03-10T11:00:00.000Z", "2026-03-10T12:00:00.000Z", null))))
        .containsExactly("s3", "s2");
    assertThat(sessionIds(query(q(null, null, null, "2026-03-10T11:00:00.000Z", null))))
        .containsExactly("s2", "s1");
  }

  @Test
  void tagsFilterIsAnyOfWithExactElementMatch() {
    write(
        events.sessionStarted("s1").tags("prod", "eu").build(),
        events.sessionStarted("s2").tags("staging").build(),
        events.sessionStarted("s3").tags("production").build(),
        events.sessionStarted("s4").build(),
        events.sessionStarted("s5").tags("team \"blue\", caf\u00e9").build());

    assertThat(sessionIds(query(q(null, null, null, null, List.of("prod"))))).containsExactly("s1");
    assertThat(sessionIds(query(q(null, null, null, null, List.of("team \"blue\", caf\u00e9")))))
        .containsExactly("s5");
    assertThat(sessionIds(query(q(null, null, null, null, List.of("team \"blue\""))))).isEmpty();
    assertThat(sessionIds(query(q(null, null, null, null, List.of("staging", "eu")))))
        .containsExactly("s2", "s1");
    assertThat(sessionIds(query(q(null, null, null, null, List.of("prod%", "pro"))))).isEmpty();
  }

  @Test
  void orderedByStartedAtNewestFirstNotByWriteOrder() {
    write(
        events.sessionStarted("mid").at("2026-03-10T11:00:00.000Z").build(),
        events.sessionStarted("late").at("2026-03-10T12:00:00.000Z").build(),
        events.sessionStarted("early").at("2026-03-10T09:00:00.000Z").build());

    assertThat(sessionIds(query(SessionQuery.all(TENANT)))).containsExactly("late", "mid", "early");
  }

  @Test
  void pagesCarryTotalAndHasMore() {
    for (int i = 1; i <= 5; i++) {
      write(events.sessionStarted("s" + i).build());
    }

    Page<Session> middle = query(new SessionQuery(TENANT, null, null, null, null, null, 2, 2));
    assertThat(sessionIds(middle)).containsExactly("s3", "s2");
    assertThat(middle.total()).isEqualTo(5);
    assertThat(middle.hasMore()).isTrue();

    Page<Session> last = query(new SessionQuery(TENANT, null, null, null, null, null, 2, 4));
    assertThat(sessionIds(last)).containsExactly("s1");
    assertThat(last.total()).isEqualTo(5);
    assertThat(last.hasMore()).isFalse();
  }

  @Test
  void countMatchesTheFilters() {
    clock.set("2026-03-10T12:00:00Z");
    write(
        events.sessionStarted("s1").tags("prod").at("2026-03-10T11:59:00.000Z").build(),
        events.sessionStarted("s2").tags("prod").at("2026-03-10T10:00:00.000Z").build(),
        events.sessionStarted("s3").at("2026-03-10T11:58:00.000Z").build());

    assertThat(await(store.sessions().count(SessionQuery.all(TENANT)))).isEqualTo(3L);
    assertThat(
            await(store.sessions().count(q(null, List.of("active"), null, null, List.of("prod")))))
        .isEqualTo(1L);
    assertThat(await(store.sessions().count(SessionQuery.all(OTHER_TENANT)))).isZero();
  }
}
