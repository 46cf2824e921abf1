package dev.agentlens.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChartAxisTest {

  @Test
  void niceStepsFollowTheOneTwoFiveSeries() {
    assertThat(ChartAxis.niceStep(0.13).doubleValue()).isEqualTo(0.2);
    assertThat(ChartAxis.niceStep(3.0).doubleValue()).isEqualTo(5.0);
    assertThat(ChartAxis.niceStep(7.0).doubleValue()).isEqualTo(10.0);
    assertThat(ChartAxis.niceStep(1_000).doubleValue()).isEqualTo(1_000.0);
    assertThat(ChartAxis.niceStep(8_333).doubleValue()).isEqualTo(10_000.0);
  }

  @Test
  void linearAxisStartsAtZeroAndEndsOnARoundTick() {
    ChartAxis a = ChartAxis.linear(6.5, 5);
    assertThat(a.log()).isFalse();
    assertThat(a.ticks()).containsExactly(0.0, 2.0, 4.0, 6.0, 8.0);
    assertThat(a.fraction(4.0)).isCloseTo(0.5, within(1e-12));

    assertThat(ChartAxis.linear(1.2, 5).ticks()).containsExactly(0.0, 0.5, 1.0, 1.5);
    assertThat(ChartAxis.linear(50_000, 6).ticks())
        .containsExactly(0.0, 10_000.0, 20_000.0, 30_000.0, 40_000.0, 50_000.0);
  }

  @Test
  void logAxisSpansWholeDecades() {
    ChartAxis a = ChartAxis.log(0.3, 40);
    assertThat(a.log()).isTrue();
    assertThat(a.min()).isEqualTo(0.1);
    assertThat(a.max()).isEqualTo(100.0);
    assertThat(a.ticks()).containsExactly(0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0);
    assertThat(a.fraction(1.0)).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(a.fraction(0.0)).isEqualTo(0.0); // clamped, not -infinity

    assertThat(ChartAxis.log(0.01, 5_000).ticks())
        .containsExactly(0.01, 0.1, 1.0, 10.0, 100.0, 1_000.0, 10_000.0);
  }
}
