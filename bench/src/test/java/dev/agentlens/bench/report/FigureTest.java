package dev.agentlens.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FigureTest {

  private static Figure lowerIsBetter(double measured, Double seed, Double goal) {
    return new Figure("latency", "ms", measured, false, seed, "", goal, "", "");
  }

  private static Figure higherIsBetter(double measured, Double seed, Double goal) {
    return new Figure("rate", "events/s", measured, true, seed, "", goal, "", "");
  }

  @Test
  void lowerIsBetterPassesOnlyStrictlyBelowTheLimit() {
    assertThat(lowerIsBetter(1.5, 5.0, 2.0).seedVerdict()).isEqualTo(Verdict.PASS);
    assertThat(lowerIsBetter(1.5, 5.0, 2.0).goalVerdict()).isEqualTo(Verdict.PASS);
    assertThat(lowerIsBetter(3.0, 5.0, 2.0).seedVerdict()).isEqualTo(Verdict.PASS);
    assertThat(lowerIsBetter(3.0, 5.0, 2.0).goalVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(lowerIsBetter(2.0, 5.0, 2.0).goalVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(lowerIsBetter(7.0, 5.0, 2.0).seedVerdict()).isEqualTo(Verdict.FAIL);
  }

  @Test
  void higherIsBetterPassesAtOrAboveTheLimit() {
    assertThat(higherIsBetter(30_000, 20_000.0, 25_000.0).seedVerdict()).isEqualTo(Verdict.PASS);
    assertThat(higherIsBetter(30_000, 20_000.0, 25_000.0).goalVerdict()).isEqualTo(Verdict.PASS);
    assertThat(higherIsBetter(25_000, 20_000.0, 25_000.0).goalVerdict()).isEqualTo(Verdict.PASS);
    assertThat(higherIsBetter(22_000, 20_000.0, 25_000.0).seedVerdict()).isEqualTo(Verdict.PASS);
    assertThat(higherIsBetter(22_000, 20_000.0, 25_000.0).goalVerdict()).isEqualTo(Verdict.FAIL);
    assertThat(higherIsBetter(10_000, 20_000.0, 25_000.0).seedVerdict()).isEqualTo(Verdict.FAIL);
  }

  @Test
  void noLimitOrNoMeasurementIsNotApplicable() {
    assertThat(lowerIsBetter(1.0, null, 2.0).seedVerdict()).isEqualTo(Verdict.NA);
    assertThat(lowerIsBetter(1.0, null, 2.0).goalVerdict()).isEqualTo(Verdict.PASS);
    assertThat(higherIsBetter(1.0, 5.0, null).goalVerdict()).isEqualTo(Verdict.NA);
    assertThat(lowerIsBetter(Double.NaN, 5.0, 2.0).seedVerdict()).isEqualTo(Verdict.NA);
    assertThat(higherIsBetter(Double.NaN, 5.0, 2.0).goalVerdict()).isEqualTo(Verdict.NA);
  }
}
