package dev.agentlens.engine.journal;

import static dev.agentlens.engine.journal.JournalFixtures.TENANT;
import static dev.agentlens.engine.journal.JournalFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentlens.engine.model.EventType;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.PayloadFacts;
import dev.agentlens.engine.model.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;

class JournalCodecTest {
  private static final PayloadFacts ALL_FACTS =
      new PayloadFacts(
          "search",
          "gpt-4o",
          "openai",
          0.0123,
          1200.0,
          340.0,
          1540.0,
          100.0,
          7.0,
          812.5,
          95.25,
          "Planner",
          List.of("prod", "eu"),
          "completed");

  private static JournalEntry roundTrip(String tenant, List<IngestEvent> events) {
    Bytes<byte[]> bytes = Bytes.allocateElasticOnHeap(256);
    JournalCodec.encode(bytes, tenant, events);
    return JournalCodec.decode(42L, bytes);
  }

  @Test
  void everyFieldRoundTrips() {
    IngestEvent full =
        new IngestEvent(
            TENANT,
            "client-id_1",
            true,
            "2026-01-02T03:04:05.678Z",
            "s-1",
            "a-1",
            EventType.LLM_RESPONSE,
            Severity.CRITICAL,
            "{\"model\":\"gpt-4o\"}",
            "{\"k\":[1,2]}",
            ALL_FACTS);
    IngestEvent bare = event("01J0000000000000000000000", "{}");

    JournalEntry entry = roundTrip(TENANT, List.of(full, bare));

    assertThat(entry.index()).isEqualTo(42L);
    assertThat(entry.tenantId()).isEqualTo(TENANT);
    assertThat(entry.events()).containsExactly(full, bare);
    assertThat(entry.events().get(1).facts()).isEqualTo(PayloadFacts.NONE);
  }

  @Test
  void eachFactRoundTripsAloneAndNullsStayNull() {
    Object[] all = {
      "search",
      "gpt-4o",
      "openai",
      0.5,
      1.0,
      2.0,
      3.0,
      4.0,
      5.0,
      6.0,
      7.0,
      "Planner",
      List.of("t"),
      "done"
    };
    for (int i = 0; i < all.length; i++) {
      Object[] one = new Object[all.length];
      one[i] = all[i];
      PayloadFacts facts = facts(one);
      IngestEvent e = event(TENANT, "e" + i, "{}", facts);
      assertThat(roundTrip(TENANT, List.of(e)).events()).as("fact %d", i).containsExactly(e);
    }
  }

  @Test
  void doublesAreKeptBitForBit() {
    double[] values = {-0.0, 0.1, 1e308, Double.MIN_VALUE, -123456.789, 9007199254740993.0};
    for (double v : values) {
      Object[] args = new Object[14];
      args[3] = v;
      IngestEvent e = event(TENANT, "d", "{}", facts(args));
      double back = roundTrip(TENANT, List.of(e)).events().get(0).facts().costUsd();
      assertThat(Double.doubleToRawLongBits(back)).isEqualTo(Double.doubleToRawLongBits(v));
    }
  }

  @Test
  void unicodeAndLoneSurrogatesRoundTripInEveryString() {
    List<String> strings =
        List.of(
            "é ü ß 日本語",
            "emoji \uD83D\uDE00 pair",
            "lone high \uD800 in the middle",
            "lone low \uDC00",
            "reversed \uDC00\uD800",
            "ends with high \uD83D",
            "\u0000nul and \u007f and \uFFFF",
            "");
    for (String s : strings) {
      String tenant = "t" + s;
      PayloadFacts facts =
          new PayloadFacts(
              s, s, s, null, null, null, null, null, null, null, null, s, List.of(s, s), s);
      IngestEvent e =
          new IngestEvent(
              tenant,
              "id" + s,
              false,
              "ts" + s,
              "s" + s,
              "a" + s,
              EventType.CUSTOM,
              Severity.DEBUG,
              s,
              s,
              facts);
      JournalEntry back = roundTrip(tenant, List.of(e));
      assertThat(back.tenantId()).isEqualTo(tenant);
      assertThat(back.events()).containsExactly(e);
    }
  }

  @Test
  void largePayloadsRoundTrip() {
    String big = "\"" + "é".repeat(1 << 20) + "\"";
    List<IngestEvent> events = new ArrayList<>(JournalFixtures.batch("b", 1000, 10_240));
    events.add(event("big", big));
    assertThat(roundTrip(TENANT, events).events()).isEqualTo(events);
  }

  @Test
  void anEmptyEntryRoundTrips() {
    assertThat(roundTrip(TENANT, List.of()).events()).isEmpty();
  }

  @Test
  void startsWithTheFormatVersion() {
    Bytes<byte[]> bytes = Bytes.allocateElasticOnHeap(64);
    JournalCodec.encode(bytes, TENANT, List.of(event("e", "{}")));
    assertThat(bytes.readByte(0)).isEqualTo(JournalCodec.FORMAT_1);
  }

  @Test
  void rejectsAnUnknownVersionAndTrailingBytes() {
    Bytes<byte[]> bytes = Bytes.allocateElasticOnHeap(64);
    JournalCodec.encode(bytes, TENANT, List.of(event("e", "{}")));
    bytes.writeByte((byte) 0);
    assertThatThrownBy(() -> JournalCodec.decode(1, bytes))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("trailing");

    Bytes<byte[]> v9 = Bytes.allocateElasticOnHeap(64);
    v9.writeByte((byte) 9);
    assertThatThrownBy(() -> JournalCodec.decode(1, v9)).hasMessageContaining("format version 9");
  }

  @Test
  void rejectsAnEventOfAnotherTenant() {
    IngestEvent other = event("tenant-b", "e", "{}", PayloadFacts.NONE);
    Bytes<byte[]> bytes = Bytes.allocateElasticOnHeap(64);
    assertThatThrownBy(() -> JournalCodec.encode(bytes, TENANT, List.of(other)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The ordinals are on disk: reordering these enums needs a new format version. */
  @Test
  void enumOrdinalsArePinned() {
    assertThat(Arrays.stream(EventType.values()).map(Enum::name))
        .containsExactly(
            "SESSION_STARTED",
            "SESSION_ENDED",
            "TOOL_CALL",
            "TOOL_RESPONSE",
            "TOOL_ERROR",
            "APPROVAL_REQUESTED",
            "APPROVAL_GRANTED",
            "APPROVAL_DENIED",
            "APPROVAL_EXPIRED",
            "FORM_SUBMITTED",
            "FORM_COMPLETED",
            "FORM_EXPIRED",
            "COST_TRACKED",
            "LLM_CALL",
            "LLM_RESPONSE",
            "ALERT_TRIGGERED",
            "ALERT_RESOLVED",
            "ERROR",
            "EVAL_RESULT",
            "HUMAN_SCORE",
            "FEEDBACK",
            "SKILL_ACTIVATED",
            "RETRIEVAL",
            "EMBEDDING",
            "CHAIN_STEP",
            "CUSTOM");
    assertThat(Arrays.stream(Severity.values()).map(Enum::name))
        .containsExactly("DEBUG", "INFO", "WARN", "ERROR", "CRITICAL");
  }

  @SuppressWarnings("unchecked")
  private static PayloadFacts facts(Object[] a) {
    return new PayloadFacts(
        (String) a[0],
        (String) a[1],
        (String) a[2],
        (Double) a[3],
        (Double) a[4],
        (Double) a[5],
        (Double) a[6],
        (Double) a[7],
        (Double) a[8],
        (Double) a[9],
        (Double) a[10],
        (String) a[11],
        (List<String>) a[12],
        (String) a[13]);
  }
}
