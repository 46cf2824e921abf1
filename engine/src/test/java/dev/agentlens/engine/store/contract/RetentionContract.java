package dev.agentlens.engine.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.engine.json.EventHasher;
import dev.agentlens.engine.model.Agent;
import dev.agentlens.engine.model.ChainAnchor;
import dev.agentlens.engine.model.ChainReport;
import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.RetentionChunk;
import dev.agentlens.engine.model.RetentionRun;
import dev.agentlens.engine.model.Timeline;
import dev.agentlens.engine.store.TimelineWalk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retention (SPEC §7): per session only the expired seq-prefix goes, anchored first, so what is
 * left still verifies; empty sessions go, agents stay; runs are recorded.
 *
 * <p>Fixture (cutoff 2026-01-01): s1 = three old events then two new; s2 = old, new, then an old
 * backdated one (only seq 1 may go); s3 = all old (agent-3); the other tenant's s1 = old, new.
 */
public abstract class RetentionContract extends StoreContractBase {

  private static final String CUTOFF = "2026-01-01T00:00:00.000Z";

  private List<Event> s1, s2, s3, foreign;

  @BeforeEach
  void writeFixture() {
    s1 = new ArrayList<>();
    s2 = new ArrayList<>();
    s1.addAll(
        write(
                events
                    .sessionStarted("s1")
                    .agentName("Alpha")
                    .at("2025-12-01T10:00:00.000Z")
                    .build(),
                events.toolCall("s1", "search").at("2025-12-02T10:00:00.000Z").build(),
                events.toolResponse("s1", "search", 10).at("2025-12-03T10:00:00.000Z").build())
            .committed());
    s2.addAll(
        write(
                events.sessionStarted("s2").at("2025-12-01T11:00:00.000Z").build(),
                events.toolCall("s2", "search").at("2026-02-20T10:00:00.000Z").build(),
                events.custom("s2", "late").at("2025-12-05T10:00:00.000Z").build())
            .committed());
    s3 =
        write(
                events.sessionStarted("s3").agent("agent-3").at("2025-12-10T10:00:00.000Z").build(),
                events
                    .sessionEnded("s3", "completed")
                    .agent("agent-3")
                    .at("2025-12-11T10:00:00.000Z")
                    .build())
            .committed();
    s1.addAll(
        write(
                events.toolCall("s1", "search").at("2026-03-01T10:00:00.000Z").build(),
                events.toolResponse("s1", "search", 10).at("2026-03-02T10:00:00.000Z").build())
            .committed());
    foreign =
        write(
                otherEvents.sessionStarted("s1").at("2025-12-01T10:00:00.000Z").build(),
                otherEvents.toolCall("s1", "search").at("2026-03-01T10:00:00.000Z").build())
            .committed();
  }

  /** Calls purgeChunk until done; returns {deleted, anchors, calls}. */
  private long[] purgeAll(String cutoff, int maxEvents) {
    long deleted = 0;
    long anchors = 0;
    for (int calls = 1; calls <= 100; calls++) {
      RetentionChunk c = await(store.retention().purgeChunk(cutoff, maxEvents));
      deleted += c.eventsDeleted();
      anchors += c.anchorsWritten();
      if (c.done()) {
        return new long[] {deleted, anchors, calls};
      }
    }
    throw new AssertionError("retention never reported done");
  }

  private List<ChainAnchor> anchors(String tenantId, String sessionId) {
    return await(store.retention().anchors(tenantId, sessionId));
  }

  private Timeline timeline(String tenantId, String sessionId) {
    return await(TimelineWalk.readAll(store.events(), tenantId, sessionId)).orElseThrow();
  }

  private static String digest(List<Event> segment) {
    return EventHasher.sha256Hex(
        segment.stream().map(Event::hash).collect(Collectors.joining("\n")));
  }

  private static ChainAnchor anchorOf(
      String tenantId, String sessionId, List<Event> segment, String createdAt) {
    Event first = segment.get(0);
    Event last = segment.get(segment.size() - 1);
    return new ChainAnchor(
        tenantId,
        sessionId,
        first.prevHash(),
        last.hash(),
        last.seq(),
        segment.size(),
        digest(segment),
        segment.stream().map(Event::timestamp).min(String::compareTo).orElseThrow(),
        segment.stream().map(Event::timestamp).max(String::compareTo).orElseThrow(),
        createdAt);
  }

  // ---- purge ---------------------------------------------------------------------------------

  @Test
  void purgeDeletesOnlyTheExpiredSeqPrefixOfEachSession() {
    long[] r = purgeAll(CUTOFF, 1000);

    assertThat(r[0]).as("deleted").isEqualTo(7);
    assertThat(ids(storedEvents(TENANT)))
        .containsExactly(s2.get(2).id(), s2.get(1).id(), s1.get(3).id(), s1.get(4).id());
    assertThat(ids(storedEvents(OTHER_TENANT))).containsExactly(foreign.get(1).id());
  }

  @Test
  void aSessionWithANewerEventInTheMiddleKeepsEverythingFromThatEventOn() {
    purgeAll(CUTOFF, 1000);

    Timeline t = timeline(TENANT, "s2");
    assertThat(t.events()).containsExactly(s2.get(2), s2.get(1));
    assertThat(t.chainValid()).isTrue();
    assertThat(anchors(TENANT, "s2")).hasSize(1);
    assertThat(anchors(TENANT, "s2").get(0).lastSeq()).isEqualTo(1);
  }

  @Test
  void eachPurgedPrefixIsAnchoredFirst() {
    long[] r = purgeAll(CUTOFF, 1000);

    assertThat(r[1]).as("anchors written").isEqualTo(4);
    String stamp = anchors(TENANT, "s1").get(0).createdAt();
    assertThat(Instant.parse(stamp)).isEqualTo(clock.instant());
    assertThat(anchors(TENANT, "s1"))
        .containsExactly(anchorOf(TENANT, "s1", s1.subList(0, 3), stamp));
    assertThat(anchors(TENANT, "s2"))
        .containsExactly(anchorOf(TENANT, "s2", s2.subList(0, 1), stamp));
    assertThat(anchors(TENANT, "s3")).containsExactly(anchorOf(TENANT, "s3", s3, stamp));
    assertThat(anchors(OTHER_TENANT, "s1"))
        .containsExactly(anchorOf(OTHER_TENANT, "s1", foreign.subList(0, 1), stamp));
  }

  @Test
  void theRemainingChainStillVerifies() {
    purgeAll(CUTOFF, 1000);

    Timeline t = timeline(TENANT, "s1");
    assertThat(t.events()).containsExactly(s1.get(3), s1.get(4));
    assertThat(t.events().get(0).prevHash()).isEqualTo(s1.get(2).hash());
    assertThat(t.chainValid()).isTrue();
    assertThat(t.chained()).isTrue();
    assertThat(await(store.events().verifySession(TENANT, "s1")))
        .isEqualTo(new ChainReport(1, 2, List.of()));
    assertThat(timeline(OTHER_TENANT, "s1").chainValid()).isTrue();
  }

  @Test
  void writesAfterAPurgeContinueTheChain() {
    purgeAll(CUTOFF, 1000);

    Event next = write(events.sessionEnded("s1", "completed").build()).committed().get(0);

    assertThat(next.seq()).isEqualTo(6);
    assertThat(next.prevHash()).isEqualTo(s1.get(4).hash());
    assertThat(timeline(TENANT, "s1").chainValid()).isTrue();
  }

  @Test
  void smallChunksReachTheSameEndWithContiguousAnchors() {
    long[] r = purgeAll(CUTOFF, 1);

    assertThat(r[0]).isEqualTo(7);
    assertThat(ids(storedEvents(TENANT)))
        .containsExactly(s2.get(2).id(), s2.get(1).id(), s1.get(3).id(), s1.get(4).id());
    List<ChainAnchor> chain = anchors(TENANT, "s1");
    assertThat(chain.get(0).firstPrevHash()).isNull();
    for (int i = 1; i < chain.size(); i++) {
      assertThat(chain.get(i).firstPrevHash()).isEqualTo(chain.get(i - 1).lastHash());
    }
    assertThat(chain.get(chain.size() - 1).lastSeq()).isEqualTo(3);
    assertThat(chain.get(chain.size() - 1).lastHash()).isEqualTo(s1.get(2).hash());
    assertThat(chain.stream().mapToLong(ChainAnchor::eventCount).sum()).isEqualTo(3);
    assertThat(timeline(TENANT, "s1").chainValid()).isTrue();
  }

  @Test
  void aLaterCutoffStacksASecondAnchor() {
    purgeAll("2025-12-02T12:00:00.000Z", 1000);
    assertThat(ids(storedEvents(TENANT))).hasSize(7);

    purgeAll(CUTOFF, 1000);

    List<ChainAnchor> chain = anchors(TENANT, "s1");
    assertThat(chain).hasSize(2);
    String stamp = chain.get(0).createdAt();
    assertThat(chain)
        .containsExactly(
            anchorOf(TENANT, "s1", s1.subList(0, 2), stamp),
            anchorOf(TENANT, "s1", s1.subList(2, 3), chain.get(1).createdAt()));
    assertThat(timeline(TENANT, "s1").chainValid()).isTrue();
    assertThat(await(store.events().verifySession(TENANT, "s1")).verified()).isTrue();
  }

  @Test
  void nothingExpiredMeansNothingDeleted() {
    RetentionChunk c = await(store.retention().purgeChunk("2025-01-01T00:00:00.000Z", 1000));

    assertThat(c).isEqualTo(new RetentionChunk(0, 0, true));
    assertThat(storedEvents(TENANT)).hasSize(10);
    assertThat(anchors(TENANT, "s1")).isEmpty();
  }

  @Test
  void aFinishedPurgeHasNothingLeftToDo() {
    purgeAll(CUTOFF, 1000);

    assertThat(await(store.retention().purgeChunk(CUTOFF, 1000)))
        .isEqualTo(new RetentionChunk(0, 0, true));
  }

  // ---- sessions, agents, runs ----------------------------------------------------------------

  @Test
  void emptySessionsAreRemovedAndAgentsKept() {
    purgeAll(CUTOFF, 1000);

    assertThat(await(store.retention().removeEmptySessions())).isEqualTo(1L);

    assertThat(await(store.sessions().get(TENANT, "s3"))).isEmpty();
    assertThat(await(store.sessions().get(TENANT, "s1"))).isPresent();
    assertThat(await(store.sessions().get(TENANT, "s2"))).isPresent();
    assertThat(await(store.sessions().get(OTHER_TENANT, "s1"))).isPresent();
    assertThat(await(store.agents().list(TENANT))).extracting(Agent::id).contains("agent-3");
    assertThat(await(store.retention().removeEmptySessions())).isZero();
  }

  @Test
  void removeEmptySessionsBeforeAnyPurgeRemovesNothing() {
    assertThat(await(store.retention().removeEmptySessions())).isZero();
    assertThat(await(store.sessions().get(TENANT, "s3"))).isPresent();
  }

  @Test
  void runsAreRecordedAndListedNewestFirst() {
    RetentionRun r1 =
        new RetentionRun(
            "run-1", "2026-03-08T03:00:00.000Z", "2026-03-08T03:00:02.000Z", CUTOFF, 7, 4, 1, null);
    RetentionRun r2 =
        new RetentionRun(
            "run-2", "2026-03-09T03:00:00.000Z", "2026-03-09T03:00:01.000Z", CUTOFF, 0, 0, 0, null);
    RetentionRun r3 =
        new RetentionRun(
            "run-3",
            "2026-03-10T03:00:00.000Z",
            "2026-03-10T03:00:00.500Z",
            CUTOFF,
            2,
            1,
            0,
            "disk I/O error");
    await(store.retention().recordRun(r2));
    await(store.retention().recordRun(r3));
    await(store.retention().recordRun(r1));

    assertThat(await(store.retention().runs(10))).containsExactly(r3, r2, r1);
    assertThat(await(store.retention().runs(2))).containsExactly(r3, r2);
  }
}
