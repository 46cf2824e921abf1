package dev.agentlens.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.engine.store.RollupWindow.Range;
import org.junit.jupiter.api.Test;

class RollupWindowTest {

  @Test
  void wholeHoursNeedNoEvents() {
    RollupWindow w = RollupWindow.of("2026-03-10T10:00:00.000Z", "2026-03-10T12:59:59.999Z");

    assertThat(w).isEqualTo(new RollupWindow("2026-03-10T10", "2026-03-10T12", null, null));
  }

  @Test
  void partialEdgeHoursAreReadFromTheEvents() {
    RollupWindow w = RollupWindow.of("2026-03-10T10:00:00.001Z", "2026-03-10T13:00:00.000Z");

    assertThat(w)
        .isEqualTo(
            new RollupWindow(
                "2026-03-10T11",
                "2026-03-10T12",
                new Range("2026-03-10T10:00:00.001Z", "2026-03-10T10:59:59.999Z"),
                new Range("2026-03-10T13:00:00.000Z", "2026-03-10T13:00:00.000Z")));
  }

  @Test
  void aWindowInsideOneHourOrAcrossOneBoundaryHasNoWholeHour() {
    RollupWindow inside = RollupWindow.of("2026-03-10T10:05:00.000Z", "2026-03-10T10:06:00.000Z");
    RollupWindow across = RollupWindow.of("2026-03-10T10:30:00.000Z", "2026-03-10T11:30:00.000Z");

    assertThat(inside.hasWholeHours()).isFalse();
    assertThat(inside.before())
        .isEqualTo(new Range("2026-03-10T10:05:00.000Z", "2026-03-10T10:06:00.000Z"));
    assertThat(across.hasWholeHours()).isFalse();
    assertThat(across.before())
        .isEqualTo(new Range("2026-03-10T10:30:00.000Z", "2026-03-10T11:30:00.000Z"));
  }

  @Test
  void dayAndYearBoundaries() {
    RollupWindow w = RollupWindow.of("2026-12-31T23:30:00.000Z", "2027-01-01T01:15:00.000Z");

    assertThat(w.firstHour()).isEqualTo("2027-01-01T00");
    assertThat(w.lastHour()).isEqualTo("2027-01-01T00");
    assertThat(w.before().to()).isEqualTo("2026-12-31T23:59:59.999Z");
    assertThat(w.after().from()).isEqualTo("2027-01-01T01:00:00.000Z");
  }

  @Test
  void theEndsOfTimeStayRaw() {
    RollupWindow last = RollupWindow.of("9999-12-31T23:00:00.001Z", "9999-12-31T23:59:59.999Z");
    RollupWindow first = RollupWindow.of("0000-01-01T00:00:00.000Z", "0000-01-01T00:59:59.998Z");

    assertThat(last.hasWholeHours()).isFalse();
    assertThat(first.hasWholeHours()).isFalse();
  }

  @Test
  void onlyCanonicalOrderedWindowsApply() {
    assertThat(RollupWindow.applies("2026-03-10T10:00:00.000Z", "2026-03-10T11:00:00.000Z"))
        .isTrue();
    assertThat(RollupWindow.applies("2026-03-10T10:00:00Z", "2026-03-10T11:00:00.000Z")).isFalse();
    assertThat(RollupWindow.applies("2026-03-10T11:00:00.000Z", "2026-03-10T10:00:00.000Z"))
        .isFalse();
  }
}
