package dev.agentlens.engine.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.agentlens.engine.json.CanonicalJson;
import dev.agentlens.engine.json.EventHasher;
import dev.agentlens.engine.model.Agent;
import dev.agentlens.engine.model.DeadLetter;
import dev.agentlens.engine.model.DrainBatch;
import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.EventType;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.Session;
import dev.agentlens.engine.model.Severity;
import dev.agentlens.engine.model.WriteResult;
import dev.agentlens.engine.store.TimelineWalk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The write path (SPEC §1–§3): one drain batch, one transaction — client-id dedupe, per-session
 * chaining in batch order, the journal checkpoint, quarantine of poison events.
 */
public abstract class WritesContract extends StoreContractBase {

  private long checkpoint(String node) {
    return await(store.checkpoint(node));
  }

  private WriteResult writeAt(String node, long index, IngestEvent... batch) {
    return await(store.write(new DrainBatch(List.of(batch), node, index)));
  }

  private static String hashOf(IngestEvent e, String prevHash) {
    return EventHasher.hash(
        e.id(),
        e.timestamp(),
        e.sessionId(),
        e.agentId(),
        e.eventType().wire(),
        e.severity().wire(),
        e.payload(),
        e.metadata(),
        prevHash);
  }

  private static Event chained(IngestEvent e, String prevHash, long seq) {
    return new Event(
        e.id(),
        e.timestamp(),
        e.sessionId(),
        e.agentId(),
        e.eventType(),
        e.severity(),
        e.payload(),
        e.metadata(),
        prevHash,
        hashOf(e, prevHash),
        e.tenantId(),
        seq);
  }

  // ---- large batches -------------------------------------------------------------------------

  @Test
  void aLargeBatchIsChainedExactlyLikeItsEventsOneByOne() {
    // Drain batches of thousands of events are the normal case under load; a backend may plan and
    // insert them in overlapping chunks, which must not change a single hash or aggregate.
    List<IngestEvent> batch = new ArrayList<>();
    for (int i = 0; i < 2_600; i++) {
      String session = "big-" + (i % 7);
      batch.add(
          i % 5 == 0
              ? events.costTracked(session, "openai", "gpt-4o", 10, 5, 0.01).build()
              : events.toolCall(session, "t" + (i % 3)).build());
    }
    WriteResult result = write(batch);

    assertThat(result.committed()).hasSize(2_600);
    Map<String, Event> last = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      IngestEvent e = batch.get(i);
      Event previous = last.get(e.sessionId());
      Event expected =
          chained(
              e,
              previous == null ? null : previous.hash(),
              previous == null ? 1 : previous.seq() + 1);
      assertThat(result.committed().get(i)).isEqualTo(expected);
      last.put(e.sessionId(), expected);
    }
    for (int s = 0; s < 7; s++) {
      Session session = await(store.sessions().get(TENANT, "big-" + s)).orElseThrow();
      long n = batch.stream().filter(e -> e.sessionId().equals(session.id())).count();
      assertThat(session.eventCount()).isEqualTo(n);
      assertThat(
              await(TimelineWalk.readAll(store.events(), TENANT, session.id()))
                  .orElseThrow()
                  .chainValid())
          .isTrue();
    }
  }

  // ---- checkpoint ----------------------------------------------------------------------------

  @Test
  void checkpointIsMinusOneBeforeAnyWrite() {
    assertThat(checkpoint("node-1")).isEqualTo(-1L);
  }

  @Test
  void checkpointIsTheJournalIndexOfTheLastCommittedBatch() {
    WriteResult first = writeAt("node-1", 7, events.toolCall("s1", "search").build());
    assertThat(first.journalIndex()).isEqualTo(7L);
    assertThat(checkpoint("node-1")).isEqualTo(7L);

    WriteResult second = writeAt("node-1", 9, events.toolCall("s1", "search").build());
    assertThat(second.journalIndex()).isEqualTo(9L);
    assertThat(checkpoint("node-1")).isEqualTo(9L);
  }

  @Test
  void checkpointsOfDifferentNodesAreIndependent() {
    writeAt("node-a", 5, events.toolCall("s1", "search").build());
    writeAt("node-b", 12, events.toolCall("s2", "search").build());
    writeAt("node-a", 6, events.toolCall("s1", "search").build());

    assertThat(checkpoint("node-a")).isEqualTo(6L);
    assertThat(checkpoint("node-b")).isEqualTo(12L);
    assertThat(checkpoint("node-c")).isEqualTo(-1L);
  }

  @Test
  void batchOfOnlyDuplicatesStillSavesTheCheckpoint() {
    IngestEvent original = events.toolCall("s1", "search").clientId("evt-1").build();
    writeAt("node-1", 1, original);
    IngestEvent again = events.toolCall("s1", "search").clientId("evt-1").build();

    WriteResult r = writeAt("node-1", 2, again);

    assertThat(r.committed()).isEmpty();
    assertThat(r.duplicateIds()).containsExactly("evt-1");
    assertThat(r.journalIndex()).isEqualTo(2L);
    assertThat(checkpoint("node-1")).isEqualTo(2L);
  }

  // ---- chaining ------------------------------------------------------------------------------

  @Test
  void chainsOneSessionInBatchOrderEvenWhenTimestampsAreNot() {
    IngestEvent a = events.sessionStarted("s1").at(T0.plusSeconds(10)).build();
    IngestEvent b = events.toolCall("s1", "search").at(T0.plusSeconds(5)).build();
    IngestEvent c = events.toolResponse("s1", "search", 40).at(T0.plusSeconds(20)).build();

    WriteResult r = write(a, b, c);

    Event ea = chained(a, null, 1);
    Event eb = chained(b, ea.hash(), 2);
    Event ec = chained(c, eb.hash(), 3);
    assertThat(r.committed()).containsExactly(ea, eb, ec);
    assertThat(r.duplicateIds()).isEmpty();
  }

  @Test
  void chainContinuesFromTheStoredTailInLaterBatches() {
    IngestEvent a = events.sessionStarted("s1").build();
    IngestEvent b = events.toolCall("s1", "search").build();
    IngestEvent c = events.toolResponse("s1", "search", 12).build();
    IngestEvent d = events.sessionEnded("s1", "completed").build();

    write(a, b);
    write(c);
    WriteResult third = write(d);

    Event ea = chained(a, null, 1);
    Event eb = chained(b, ea.hash(), 2);
    Event ec = chained(c, eb.hash(), 3);
    assertThat(third.committed()).containsExactly(chained(d, ec.hash(), 4));
  }

  @Test
  void interleavedSessionsChainIndependently() {
    IngestEvent a1 = events.sessionStarted("s1").build();
    IngestEvent b1 = events.sessionStarted("s2").agent("agent-2").build();
    IngestEvent a2 = events.toolCall("s1", "search").build();
    IngestEvent b2 = events.toolCall("s2", "lookup").agent("agent-2").build();

    WriteResult r = write(a1, b1, a2, b2);

    Event ea1 = chained(a1, null, 1);
    Event eb1 = chained(b1, null, 1);
    assertThat(r.committed())
        .containsExactly(ea1, eb1, chained(a2, ea1.hash(), 2), chained(b2, eb1.hash(), 2));
  }

  @Test
  void theSameSessionIdInTwoTenantsHasTwoChains() {
    IngestEvent mine = events.sessionStarted("s1").build();
    IngestEvent theirs = otherEvents.sessionStarted("s1").build();
    write(mine);

    WriteResult r = write(theirs);

    assertThat(r.committed()).containsExactly(chained(theirs, null, 1));
  }

  @Test
  void committedEventsKeepEveryIngestedFieldExactly() {
    IngestEvent e =
        events
            .llmResponse("s1", "anthropic", "claude-sonnet", 1200, 80, 0.0131, 2300)
            .severity(Severity.WARN)
            .meta("userId", "u-42")
            .meta("b", 1)
            .build();

    WriteResult r = write(e);

    assertThat(r.committed()).hasSize(1);
    Event stored = r.committed().get(0);
    assertThat(stored.tenantId()).isEqualTo(TENANT);
    assertThat(stored.payload()).isEqualTo(e.payload());
    assertThat(stored.metadata()).isEqualTo("{\"userId\":\"u-42\",\"b\":1}");
    assertThat(stored).isEqualTo(chained(e, null, 1));
  }

  // ---- dedupe of client ids ------------------------------------------------------------------

  @Test
  void repeatedClientIdInALaterBatchIsSkippedAndNotChained() {
    IngestEvent first = events.sessionStarted("s1").clientId("evt-1").build();
    write(first);
    IngestEvent retry = events.toolCall("s1", "other").clientId("evt-1").build();
    IngestEvent next = events.toolCall("s1", "search").build();

    WriteResult r = write(retry, next);

    assertThat(r.duplicateIds()).containsExactly("evt-1");
    assertThat(r.committed()).containsExactly(chained(next, chained(first, null, 1).hash(), 2));
  }

  @Test
  void repeatedClientIdWithinOneBatchIsSkipped() {
    IngestEvent first = events.sessionStarted("s1").clientId("evt-1").build();
    IngestEvent repeat = events.toolCall("s1", "search").clientId("evt-1").build();
    IngestEvent next = events.toolCall("s1", "search").clientId("evt-2").build();

    WriteResult r = write(first, repeat, next);

    Event e1 = chained(first, null, 1);
    assertThat(r.committed()).containsExactly(e1, chained(next, e1.hash(), 2));
    assertThat(r.duplicateIds()).containsExactly("evt-1");
  }

  @Test
  void theSameClientIdInAnotherTenantIsADifferentEvent() {
    IngestEvent mine = events.toolCall("s1", "search").clientId("evt-1").build();
    IngestEvent theirs = otherEvents.toolCall("s9", "lookup").clientId("evt-1").build();

    WriteResult r = write(mine, theirs);

    assertThat(r.duplicateIds()).isEmpty();
    assertThat(r.committed()).containsExactly(chained(mine, null, 1), chained(theirs, null, 1));
    assertThat(await(store.events().get(TENANT, "evt-1"))).contains(chained(mine, null, 1));
    assertThat(await(store.events().get(OTHER_TENANT, "evt-1"))).contains(chained(theirs, null, 1));
  }

  @Test
  void aRepeatedClientIdAimedAtAnotherSessionIsStillADuplicate() {
    IngestEvent first = events.sessionStarted("s1").clientId("evt-1").build();
    write(first);

    WriteResult r = write(events.sessionStarted("s2").agent("agent-2").clientId("evt-1").build());

    assertThat(r.committed()).isEmpty();
    assertThat(r.duplicateIds()).containsExactly("evt-1");
    assertThat(await(store.sessions().get(TENANT, "s2"))).isEmpty();
    assertThat(await(store.agents().get(TENANT, "agent-2"))).isEmpty();
  }

  @Test
  void aClientIdEqualToAStoredServerIdIsADuplicate() {
    IngestEvent minted = events.sessionStarted("s1").build();
    write(minted);

    WriteResult r = write(events.toolCall("s1", "search").clientId(minted.id()).build());

    assertThat(r.committed()).isEmpty();
    assertThat(r.duplicateIds()).containsExactly(minted.id());
  }

  @Test
  void aLargeBatchChainsEverySession() {
    List<IngestEvent> batch = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      batch.add(events.toolCall("s" + (i % 50), "search").agent("agent-" + (i % 7)).build());
    }

    WriteResult r = write(batch);

    assertThat(r.committed()).hasSize(1000);
    Map<String, String> tails = new HashMap<>();
    for (int i = 0; i < 1000; i++) {
      Event e = r.committed().get(i);
      assertThat(e.seq()).isEqualTo(i / 50 + 1);
      assertThat(e.prevHash()).isEqualTo(tails.get(e.sessionId()));
      assertThat(e.hash()).isEqualTo(hashOf(batch.get(i), e.prevHash()));
      tails.put(e.sessionId(), e.hash());
    }
    assertThat(await(store.events().count(allAsc(TENANT)))).isEqualTo(1000L);
    assertThat(session(TENANT, "s49").eventCount()).isEqualTo(20);
  }

  @Test
  void aDuplicateAddsNoRowAndChangesNoAggregate() {
    IngestEvent start = events.sessionStarted("s1").agentName("Support Bot").build();
    IngestEvent llm =
        events.llmResponse("s1", "openai", "gpt-4o", 100, 20, 0.5, 900).clientId("llm-1").build();
    write(start, llm);
    IngestEvent replay =
        events
            .llmResponse("s1", "openai", "gpt-4o", 7000, 7000, 9.0, 900)
            .clientId("llm-1")
            .severity(Severity.ERROR)
            .at(T0.plusSeconds(3600))
            .build();

    WriteResult r = write(replay);

    assertThat(r.committed()).isEmpty();
    assertThat(ids(storedEvents(TENANT))).containsExactly(start.id(), "llm-1");
    assertThat(await(store.events().get(TENANT, "llm-1")).map(Event::payload))
        .contains(llm.payload());
    Session s = session(TENANT, "s1");
    assertThat(s.eventCount()).isEqualTo(2);
    assertThat(s.errorCount()).isZero();
    assertThat(s.llmCallCount()).isEqualTo(1);
    assertThat(s.totalCostUsd()).isEqualTo(0.5);
    assertThat(s.totalInputTokens()).isEqualTo(100);
    assertThat(s.totalOutputTokens()).isEqualTo(20);
    assertThat(s.lastEventAt()).isEqualTo(llm.timestamp());
    Agent a = await(store.agents().get(TENANT, "agent-1")).orElseThrow();
    assertThat(a.lastSeenAt()).isEqualTo(llm.timestamp());
  }

  @Test
  void storedEventsAreExactlyTheCommittedOnes() {
    WriteResult r =
        write(
            events.sessionStarted("s1").agentName("Bot").tags("prod").build(),
            events.toolCall("s1", "search").build(),
            events.toolError("s1", "search", 30).severity(Severity.ERROR).build());

    assertThat(storedEvents(TENANT)).containsExactlyElementsOf(r.committed());
    for (Event e : r.committed()) {
      assertThat(await(store.events().get(TENANT, e.id()))).contains(e);
    }
  }

  @Test
  void everyEventTypeAndSeverityIsStoredAsWritten() {
    List<IngestEvent> batch = new ArrayList<>();
    Severity[] severities = Severity.values();
    for (EventType t : EventType.values()) {
      batch.add(
          events.event(t, "s1").severity(severities[t.ordinal() % severities.length]).build());
    }

    WriteResult r = write(batch);

    assertThat(r.committed()).extracting(Event::eventType).containsExactly(EventType.values());
    assertThat(storedEvents(TENANT)).containsExactlyElementsOf(r.committed());
  }

  // ---- atomicity -----------------------------------------------------------------------------

  /**
   * A server-minted id that collides with a stored one is a non-transient database refusal (the
   * poison the drainer quarantines); it is the one failure the contract lets a test provoke.
   */
  private List<IngestEvent> poisonBatchAfter(IngestEvent stored) {
    return List.of(
        events.sessionStarted("s2").agent("agent-new").agentName("New").build(),
        events.toolCall("s1", "search").build(),
        events.toolCall("s1", "search").id(stored.id()).build());
  }

  @Test
  void aFailedBatchLeavesChainAndCheckpointUntouched() {
    IngestEvent first = events.sessionStarted("s1").build();
    write(first);

    Throwable failure = harness.writeExpectingFailure(poisonBatchAfter(first));

    assertThat(failure).isNotNull();
    assertThat(checkpoint(harness.nodeId())).isEqualTo(1L);
    IngestEvent next = events.toolCall("s1", "search").build();
    IngestEvent otherSession = events.sessionStarted("s2").agent("agent-new").build();
    WriteResult r = write(next, otherSession);
    assertThat(r.committed())
        .containsExactly(
            chained(next, chained(first, null, 1).hash(), 2), chained(otherSession, null, 1));
  }

  @Test
  void aFailedBatchStoresNoRowSessionOrAgent() {
    IngestEvent first = events.sessionStarted("s1").build();
    write(first);

    harness.writeExpectingFailure(poisonBatchAfter(first));

    assertThat(ids(storedEvents(TENANT))).containsExactly(first.id());
    assertThat(await(store.sessions().get(TENANT, "s2"))).isEmpty();
    assertThat(session(TENANT, "s1").eventCount()).isEqualTo(1);
    assertThat(await(store.agents().get(TENANT, "agent-new"))).isEmpty();
  }

  // ---- dead letters --------------------------------------------------------------------------

  @Test
  @SuppressWarnings("unchecked")
  void deadLetterKeepsEachEventWithTheReason() throws Exception {
    IngestEvent a = events.toolCall("s1", "search").build();
    IngestEvent b = otherEvents.costTracked("s7", "openai", "gpt-4o", 10, 5, 0.25).build();

    await(store.deadLetter(List.of(a, b), "UNIQUE constraint failed: events.id"));

    List<DeadLetter> letters = deadLetters();
    assertThat(letters).hasSize(2);
    assertThat(letters)
        .extracting(DeadLetter::tenantId, DeadLetter::eventId, DeadLetter::reason)
        .containsExactly(
            tuple(TENANT, a.id(), "UNIQUE constraint failed: events.id"),
            tuple(OTHER_TENANT, b.id(), "UNIQUE constraint failed: events.id"));
    Map<String, Object> json =
        (Map<String, Object>) CanonicalJson.parse(letters.get(1).eventJson());
    assertThat(json)
        .containsEntry("id", b.id())
        .containsEntry("sessionId", "s7")
        .containsEntry("eventType", "cost_tracked")
        .containsEntry("payload", CanonicalJson.parse(b.payload()));
    assertThat(Instant.parse(letters.get(0).createdAt())).isEqualTo(T0);
  }

  @Test
  void deadLetteredEventsAreNotEvents() {
    IngestEvent a = events.sessionStarted("s1").build();

    await(store.deadLetter(List.of(a), "CHECK constraint failed"));

    assertThat(storedEvents(TENANT)).isEmpty();
    assertThat(await(store.sessions().get(TENANT, "s1"))).isEmpty();
    assertThat(checkpoint(harness.nodeId())).isEqualTo(-1L);
  }
}
