package dev.agentlens.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentlens.engine.json.EventHasher;
import dev.agentlens.engine.model.ChainAnchor;
import dev.agentlens.engine.model.ChainBreak;
import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.EventType;
import dev.agentlens.engine.model.Severity;
import dev.agentlens.engine.store.ChainVerifier.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every rule of the chain verdict (SPEC §3, reference §2.6), one at a time. */
class ChainVerifierTest {

  private static final String SESSION = "sess_01";

  /** A correctly chained session of {@code n} events starting at {@code firstSeq}. */
  private static List<Event> chain(int n, long firstSeq, String firstPrevHash) {
    List<Event> out = new ArrayList<>();
    String prev = firstPrevHash;
    for (int i = 0; i < n; i++) {
      Event e = event(firstSeq + i, "{\"step\":" + i + "}", prev);
      out.add(e);
      prev = e.hash();
    }
    return out;
  }

  private static Event event(long seq, String payload, String prevHash) {
    String id = String.format("01HQZX%020d", seq);
    String ts = String.format("2026-02-08T10:00:%02d.000Z", seq % 60);
    String hash =
        EventHasher.hash(id, ts, SESSION, "agent", "custom", "info", payload, "{}", prevHash);
    return withHash(id, ts, seq, payload, prevHash, hash);
  }

  private static Event withHash(
      String id, String ts, long seq, String payload, String prevHash, String hash) {
    return new Event(
        id,
        ts,
        SESSION,
        "agent",
        EventType.CUSTOM,
        Severity.INFO,
        payload,
        "{}",
        prevHash,
        hash,
        "default",
        seq);
  }

  private static Event tampered(Event e, String payload) {
    return withHash(e.id(), e.timestamp(), e.seq(), payload, e.prevHash(), e.hash());
  }

  private static Event rehashed(Event e, long seq, String prevHash) {
    Event fresh = event(seq, e.payload(), prevHash);
    return withHash(e.id(), fresh.timestamp(), seq, e.payload(), prevHash, fresh.hash());
  }

  private static ChainAnchor anchor(long lastSeq, String lastHash) {
    return new ChainAnchor(
        "default", SESSION, null, lastHash, lastSeq, lastSeq, "digest", "t0", "t1", "t2");
  }

  private static void assertBroken(Verdict v, long seq, String reason) {
    assertThat(v.valid()).isFalse();
    assertThat(v.breakSeq()).isEqualTo(seq);
    assertThat(v.breakReason()).isEqualTo(reason);
    assertThat(v.toBreak(SESSION)).isEqualTo(new ChainBreak(SESSION, seq, reason));
  }

  @Test
  void emptySessionIsValidAndChained() {
    Verdict v = ChainVerifier.verify(List.of(), null);
    assertThat(v.valid()).isTrue();
    assertThat(v.chained()).isTrue();
    assertThat(v.breakReason()).isNull();
    assertThatThrownBy(() -> v.toBreak(SESSION)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void intactChainIsValid() {
    Verdict v = ChainVerifier.verify(chain(5, 1, null), null);
    assertThat(v).isEqualTo(new Verdict(true, true, 0, null));
  }

  @Test
  void singleGenesisEventCountsAsUnchainedLikeUpstream() {
    Verdict v = ChainVerifier.verify(chain(1, 1, null), null);
    assertThat(v.valid()).isTrue();
    assertThat(v.chained()).isFalse();
  }

  @Test
  void changedPayloadIsAHashMismatch() {
    List<Event> events = chain(4, 1, null);
    events.set(2, tampered(events.get(2), "{\"step\":99}"));
    assertBroken(ChainVerifier.verify(events, null), 3, ChainVerifier.HASH_MISMATCH);
  }

  @Test
  void rehashedTamperBreaksTheNextLink() {
    List<Event> events = chain(4, 1, null);
    Event forged = events.get(1);
    events.set(1, rehashed(tampered(forged, "{\"step\":99}"), 2, forged.prevHash()));
    assertBroken(ChainVerifier.verify(events, null), 3, ChainVerifier.NOT_LINKED);
  }

  @Test
  void deletedMiddleEventIsASeqGap() {
    List<Event> events = chain(4, 1, null);
    events.remove(1);
    assertBroken(ChainVerifier.verify(events, null), 3, ChainVerifier.SEQ_GAP);
  }

  @Test
  void genesisWithPrevHashIsRejected() {
    List<Event> events = chain(3, 1, "f".repeat(64));
    assertBroken(ChainVerifier.verify(events, null), 1, ChainVerifier.GENESIS_NOT_NULL);
  }

  @Test
  void purgedPrefixWithoutAnchorIsRejected() {
    List<Event> events = chain(3, 5, "a".repeat(64));
    assertBroken(ChainVerifier.verify(events, null), 5, ChainVerifier.NO_ANCHOR);
  }

  @Test
  void anchorForAnotherSeqIsRejected() {
    List<Event> events = chain(3, 5, "a".repeat(64));
    assertBroken(
        ChainVerifier.verify(events, anchor(3, "a".repeat(64))), 5, ChainVerifier.NO_ANCHOR);
  }

  @Test
  void anchorWithAnotherHashDoesNotLink() {
    List<Event> events = chain(3, 5, "a".repeat(64));
    assertBroken(
        ChainVerifier.verify(events, anchor(4, "b".repeat(64))), 5, ChainVerifier.NOT_LINKED);
  }

  @Test
  void anchoredTailIsValid() {
    List<Event> full = chain(6, 1, null);
    List<Event> tail = full.subList(3, 6);
    Verdict v = ChainVerifier.verify(tail, anchor(3, full.get(2).hash()));
    assertThat(v).isEqualTo(new Verdict(true, true, 0, null));
  }

  @Test
  void anchorIsIgnoredForAGenesisStart() {
    Verdict v = ChainVerifier.verify(chain(3, 1, null), anchor(7, "c".repeat(64)));
    assertThat(v.valid()).isTrue();
  }

  @Test
  void linkToAWrongPreviousHashIsRejected() {
    List<Event> events = chain(3, 1, null);
    events.set(2, rehashed(events.get(2), 3, "d".repeat(64)));
    assertBroken(ChainVerifier.verify(events, null), 3, ChainVerifier.NOT_LINKED);
  }

  @Test
  void firstBreakWins() {
    List<Event> events = chain(5, 1, null);
    events.set(1, tampered(events.get(1), "{\"x\":1}"));
    events.remove(3);
    assertBroken(ChainVerifier.verify(events, null), 2, ChainVerifier.HASH_MISMATCH);
  }

  @Test
  void unchainedSessionChecksRecordIntegrityOnly() {
    List<Event> events = new ArrayList<>();
    for (long seq : new long[] {4, 9, 10}) {
      events.add(event(seq, "{\"otlp\":" + seq + "}", null));
    }
    Verdict v = ChainVerifier.verify(events, null);
    assertThat(v).isEqualTo(new Verdict(true, false, 0, null));
  }

  @Test
  void unchainedSessionWithATamperedRecordIsInvalid() {
    List<Event> events = new ArrayList<>();
    for (long seq = 1; seq <= 3; seq++) {
      events.add(event(seq, "{\"otlp\":" + seq + "}", null));
    }
    events.set(1, tampered(events.get(1), "{\"otlp\":42}"));
    Verdict v = ChainVerifier.verify(events, null);
    assertThat(v.chained()).isFalse();
    assertBroken(v, 2, ChainVerifier.HASH_MISMATCH);
  }

  @Test
  void incrementalVerificationCountsAndMatchesTheListForm() {
    List<Event> events = chain(4, 1, null);
    events.set(3, tampered(events.get(3), "{}"));
    ChainVerifier walk = ChainVerifier.start(null);
    events.forEach(walk::accept);
    assertThat(walk.count()).isEqualTo(4);
    assertThat(walk.verdict()).isEqualTo(ChainVerifier.verify(events, null));
  }
}
