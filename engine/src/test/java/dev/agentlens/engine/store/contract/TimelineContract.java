package dev.agentlens.engine.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.engine.model.ChainBreak;
import dev.agentlens.engine.model.ChainReport;
import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.TimeWindow;
import dev.agentlens.engine.model.Timeline;
import dev.agentlens.engine.model.TimelineHead;
import dev.agentlens.engine.model.WriteResult;
import dev.agentlens.engine.store.TimelineWalk;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GET /api/sessions/:id/timeline and audit verification (SPEC §3): (timestamp, id) order, chain
 * verdict in seq order, backdated events that stay valid, tampering that does not.
 */
public abstract class TimelineContract extends StoreContractBase {

  private static final String TAMPERED =
      "{\"toolName\":\"rm -rf\",\"callId\":\"x\",\"arguments\":{}}";

  private Timeline timeline(String tenantId, String sessionId) {
    return await(TimelineWalk.readAll(store.events(), tenantId, sessionId))
        .orElseThrow(() -> new AssertionError("no timeline for " + sessionId));
  }

  private List<Event> fourEventSession(String sessionId) {
    List<Event> out = new ArrayList<>();
    out.addAll(
        write(
                events.sessionStarted(sessionId).agentName("Bot").build(),
                events.toolCall(sessionId, "search").build())
            .committed());
    out.addAll(
        write(
                events.toolResponse(sessionId, "search", 20).build(),
                events.sessionEnded(sessionId, "completed").build())
            .committed());
    return out;
  }

  private static void assertBreak(ChainReport report, String sessionId, long seq) {
    assertThat(report.brokenChains()).hasSize(1);
    ChainBreak b = report.brokenChains().get(0);
    assertThat(b.sessionId()).isEqualTo(sessionId);
    assertThat(b.seq()).isEqualTo(seq);
    assertThat(b.reason()).isNotBlank();
    assertThat(report.verified()).isFalse();
  }

  @Test
  void eventsComeInTimestampThenIdOrderWithTheirChainFields() {
    IngestEvent a = events.toolCall("s1", "search").at("2026-03-10T10:05:00.000Z").build();
    IngestEvent b = events.sessionStarted("s1").at("2026-03-10T10:00:00.000Z").build();
    IngestEvent c = events.toolResponse("s1", "search", 5).at("2026-03-10T10:05:00.000Z").build();
    IngestEvent d = events.llmCall("s1", "openai", "gpt-4o").at("2026-03-10T10:01:00.000Z").build();
    WriteResult r = write(a, b, c, d);
    List<Event> seqOrder = r.committed();

    Timeline t = timeline(TENANT, "s1");

    assertThat(t.events())
        .containsExactly(seqOrder.get(1), seqOrder.get(3), seqOrder.get(0), seqOrder.get(2));
    assertThat(t.events()).extracting(Event::seq).containsExactly(2L, 4L, 1L, 3L);
    assertThat(t.chainValid()).isTrue();
    assertThat(t.chained()).isTrue();
  }

  @Test
  void aNormalSessionWrittenInSeveralBatchesVerifies() {
    List<Event> written = fourEventSession("s1");

    Timeline t = timeline(TENANT, "s1");

    assertThat(t.events()).containsExactlyElementsOf(written);
    assertThat(t.chainValid()).isTrue();
    assertThat(t.chained()).isTrue();
  }

  @Test
  void aBackdatedEventDoesNotBreakTheChain() {
    List<Event> first =
        write(
                events.sessionStarted("s1").at("2026-03-10T10:00:00.000Z").build(),
                events.toolCall("s1", "search").at("2026-03-10T10:05:00.000Z").build())
            .committed();
    Event late =
        write(events.custom("s1", "late").at("2026-03-10T09:00:00.000Z").build())
            .committed()
            .get(0);

    Timeline t = timeline(TENANT, "s1");

    assertThat(late.seq()).isEqualTo(3);
    assertThat(late.prevHash()).isEqualTo(first.get(1).hash());
    assertThat(t.events()).containsExactly(late, first.get(0), first.get(1));
    assertThat(t.chainValid()).isTrue();
    assertThat(t.chained()).isTrue();
    assertThat(await(store.events().verifySession(TENANT, "s1")))
        .isEqualTo(new ChainReport(1, 3, List.of()));
  }

  @Test
  void pagesWalkTiesInIdOrderAndStopAtTheEventsTheHeadVerified() {
    List<Event> before = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      // Pairs share a timestamp, so page boundaries fall inside ties.
      String at = "2026-03-10T10:0" + (i / 2) + ":00.000Z";
      before.addAll(write(events.toolCall("s1", "t" + i).at(at).build()).committed());
    }
    TimelineHead head = await(store.events().timelineHead(TENANT, "s1", 2)).orElseThrow();
    // Arriving after the head: one sorts before everything, one after; neither may show up.
    write(
        events.toolCall("s1", "early").at("2026-03-10T09:00:00.000Z").build(),
        events.toolCall("s1", "late").at("2026-03-10T11:00:00.000Z").build());

    List<List<Event>> pages = new ArrayList<>();
    await(
        TimelineWalk.walk(
            store.events(),
            TENANT,
            "s1",
            head,
            2,
            page -> {
              pages.add(page);
              return Future.succeededFuture();
            }));

    List<Event> expected = new ArrayList<>(before);
    expected.sort(Comparator.comparing(Event::timestamp).thenComparing(Event::id));
    assertThat(head.lastSeq()).isEqualTo(7);
    assertThat(head.chainValid()).isTrue();
    assertThat(head.chained()).isTrue();
    assertThat(pages).hasSize(4).allMatch(p -> p.size() <= 2);
    assertThat(pages.stream().flatMap(List::stream).toList()).isEqualTo(expected);
  }

  @Test
  void aSessionLongerThanThePageIsVerifiedByStreamingItsChain() throws Exception {
    List<Event> s1 = fourEventSession("s1");
    fourEventSession("s2");
    tamperPayload(TENANT, s1.get(2).id(), TAMPERED);

    TimelineHead broken = await(store.events().timelineHead(TENANT, "s1", 2)).orElseThrow();
    TimelineHead intact = await(store.events().timelineHead(TENANT, "s2", 2)).orElseThrow();

    assertThat(broken.firstPage()).hasSize(2);
    assertThat(broken.chainValid()).isFalse();
    assertThat(broken.chained()).isTrue();
    assertThat(intact.chainValid()).isTrue();
    assertThat(intact.chained()).isTrue();
  }

  @Test
  void aSessionOfExactlyOnePageIsWholeInTheHead() {
    List<Event> written = fourEventSession("s1");

    TimelineHead head = await(store.events().timelineHead(TENANT, "s1", 4)).orElseThrow();

    assertThat(head.more()).isFalse();
    assertThat(head.firstPage()).containsExactlyInAnyOrderElementsOf(written);
    assertThat(head.chainValid()).isTrue();
    assertThat(await(store.events().timelineHead(TENANT, "s1", 3)).orElseThrow().more()).isTrue();
  }

  @Test
  void anUnknownSessionHasNoTimelineHead() {
    fourEventSession("s1");

    assertThat(await(store.events().timelineHead(TENANT, "nope", 10))).isEmpty();
    assertThat(await(store.events().timelineHead(OTHER_TENANT, "s1", 10))).isEmpty();
  }

  @Test
  void anUnknownSessionHasNoTimeline() {
    fourEventSession("s1");

    assertThat(await(TimelineWalk.readAll(store.events(), TENANT, "nope"))).isEmpty();
    assertThat(await(TimelineWalk.readAll(store.events(), OTHER_TENANT, "s1"))).isEmpty();
  }

  @Test
  void aTamperedPayloadBreaksTheChain() throws Exception {
    List<Event> written = fourEventSession("s1");

    tamperPayload(TENANT, written.get(1).id(), TAMPERED);

    Timeline t = timeline(TENANT, "s1");
    assertThat(t.events().get(1).payload()).isEqualTo(TAMPERED);
    assertThat(t.chainValid()).isFalse();
    assertThat(t.chained()).isTrue();
  }

  @Test
  void tamperingOneSessionLeavesTheOthersValid() throws Exception {
    List<Event> s1 = fourEventSession("s1");
    fourEventSession("s2");

    tamperPayload(TENANT, s1.get(3).id(), "{\"reason\":\"completed\",\"summary\":\"edited\"}");

    assertThat(timeline(TENANT, "s1").chainValid()).isFalse();
    assertThat(timeline(TENANT, "s2").chainValid()).isTrue();
  }

  @Test
  void verifySessionOfAnIntactChain() {
    fourEventSession("s1");

    ChainReport report = await(store.events().verifySession(TENANT, "s1"));

    assertThat(report).isEqualTo(new ChainReport(1, 4, List.of()));
    assertThat(report.verified()).isTrue();
  }

  @Test
  void verifySessionReportsTheSessionAndSeqOfTheBreak() throws Exception {
    List<Event> written = fourEventSession("s1");

    tamperPayload(TENANT, written.get(1).id(), TAMPERED);

    ChainReport report = await(store.events().verifySession(TENANT, "s1"));
    assertThat(report.sessionsVerified()).isEqualTo(1);
    assertThat(report.totalEvents()).isEqualTo(4);
    assertBreak(report, "s1", 2);
  }

  @Test
  void verifyWindowChecksEverySessionWithEventsInTheWindow() throws Exception {
    events.moveTo(Instant.parse("2026-03-10T10:00:00Z"));
    fourEventSession("s1");
    events.moveTo(Instant.parse("2026-03-10T10:10:00Z"));
    List<Event> s2 = fourEventSession("s2");
    events.moveTo(Instant.parse("2026-03-12T10:00:00Z"));
    List<Event> outside = fourEventSession("s3");
    tamperPayload(TENANT, s2.get(0).id(), "{\"agentName\":\"Mallory\"}");
    tamperPayload(TENANT, outside.get(2).id(), "{}");

    ChainReport report =
        await(
            store
                .events()
                .verifyWindow(
                    TENANT,
                    new TimeWindow("2026-03-10T10:00:00.000Z", "2026-03-10T10:30:00.000Z")));

    assertThat(report.sessionsVerified()).isEqualTo(2);
    assertThat(report.totalEvents()).isEqualTo(8);
    assertBreak(report, "s2", 1);
  }

  @Test
  void verifyWindowSeesOnlyTheCallersTenant() throws Exception {
    fourEventSession("s1");
    Event theirs = write(otherEvents.toolCall("s1", "search").build()).committed().get(0);
    tamperPayload(OTHER_TENANT, theirs.id(), TAMPERED);

    ChainReport mine =
        await(
            store
                .events()
                .verifyWindow(
                    TENANT,
                    new TimeWindow("2026-03-10T00:00:00.000Z", "2026-03-11T00:00:00.000Z")));
    ChainReport other =
        await(
            store
                .events()
                .verifyWindow(
                    OTHER_TENANT,
                    new TimeWindow("2026-03-10T00:00:00.000Z", "2026-03-11T00:00:00.000Z")));

    assertThat(mine).isEqualTo(new ChainReport(1, 4, List.of()));
    assertThat(other.sessionsVerified()).isEqualTo(1);
    assertThat(other.totalEvents()).isEqualTo(1);
    assertBreak(other, "s1", 1);
  }
}
