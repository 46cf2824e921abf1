package dev.agentlens.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  @Test
  void epochMillisOfCanonicalFormsAgreesWithJavaTime() {
    SplittableRandom random = new SplittableRandom(7);
    long min = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
    long max = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
    for (int i = 0; i < 100_000; i++) {
      long ms = random.nextLong(min, max + 1);
      String canonical = Timestamps.format(Instant.ofEpochMilli(ms));
      assertThat(Timestamps.epochMillis(canonical)).as(canonical).isEqualTo(ms);
    }
  }

  @Test
  void epochMillisAtCalendarEdges() {
    for (String t :
        new String[] {
          "1970-01-01T00:00:00.000Z",
          "1969-12-31T23:59:59.999Z",
          "2000-02-29T12:00:00.001Z",
          "2100-03-01T00:00:00.000Z",
          "2026-12-31T23:59:59.999Z",
          "0000-03-01T00:00:00.000Z"
        }) {
      assertThat(Timestamps.epochMillis(t)).as(t).isEqualTo(Instant.parse(t).toEpochMilli());
    }
  }

  @Test
  void epochMillisAcceptsOtherAcceptedFormsAndRefusesTheRest() {
    assertThat(Timestamps.epochMillis("2026-02-08T10:00:00+02:00"))
        .isEqualTo(Instant.parse("2026-02-08T08:00:00Z").toEpochMilli());
    assertThat(Timestamps.epochMillis("2026-02-08T10:00Z"))
        .isEqualTo(Instant.parse("2026-02-08T10:00:00Z").toEpochMilli());
    assertThatThrownBy(() -> Timestamps.epochMillis("2026-02-30T10:00:00.000Z"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Timestamps.epochMillis("2026-13-01T10:00:00.000Z"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
