package dev.agentlens.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.engine.store.RollupWindow.Range;
import org.junit.jupiter.api.Test;

class EdgeHourTest {

  @Test
  void aLeadingEdgeLeavesTheStartOfItsHour() {
    EdgeHour e = EdgeHour.of(new Range("2026-03-10T10:10:00.000Z", "2026-03-10T10:59:59.999Z"));

    assertThat(e.hour()).isEqualTo("2026-03-10T10");
    assertThat(e.rest())
        .isEqualTo(new Range("2026-03-10T10:00:00.000Z", "2026-03-10T10:09:59.999Z"));
    assertThat(e.restIsShorter()).isTrue();
  }

  @Test
  void aTrailingEdgeLeavesTheEndOfItsHour() {
    EdgeHour e = EdgeHour.of(new Range("2026-03-10T13:00:00.000Z", "2026-03-10T13:20:00.000Z"));

    assertThat(e.rest())
        .isEqualTo(new Range("2026-03-10T13:20:00.001Z", "2026-03-10T13:59:59.999Z"));
    assertThat(e.restIsShorter()).isFalse();
  }

  @Test
  void theRestIsShorterOnlyWhenTheEdgeSpansMoreThanHalfTheHour() {
    Range half = new Range("2026-03-10T13:00:00.000Z", "2026-03-10T13:29:59.999Z");
    Range more = new Range("2026-03-10T13:00:00.000Z", "2026-03-10T13:30:00.000Z");

    assertThat(EdgeHour.of(half).restIsShorter()).isFalse();
    assertThat(EdgeHour.of(more).restIsShorter()).isTrue();
  }
}
