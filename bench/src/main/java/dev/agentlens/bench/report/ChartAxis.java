package dev.agentlens.bench.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A value axis mapped onto [0, 1]. Ticks are 1-2-5 multiples of a power of ten so labels stay
 * round; a log axis spans whole decades for the same reason.
 */
record ChartAxis(double min, double max, boolean log, List<Double> ticks) {

  ChartAxis {
    ticks = List.copyOf(ticks);
  }

  /** Linear axis from 0 to a round value at or above {@code maxValue}. */
  static ChartAxis linear(double maxValue, int targetTicks) {
    double top = Double.isFinite(maxValue) && maxValue > 0 ? maxValue : 1;
    BigDecimal step = niceStep(top / Math.max(1, targetTicks));
    // The epsilon keeps an exact multiple (e.g. 10 with step 2) from gaining an empty step.
    int steps = Math.max(1, (int) Math.ceil(top / step.doubleValue() - 1e-9));
    List<Double> ticks = new ArrayList<>();
    for (int i = 0; i <= steps; i++) {
      ticks.add(step.multiply(BigDecimal.valueOf(i)).doubleValue());
    }
    return new ChartAxis(0, ticks.get(ticks.size() - 1), false, ticks);
  }

  /** Log axis over whole decades; 1-2-5 ticks while they fit, powers of ten only beyond that. */
  static ChartAxis log(double minPositive, double maxValue) {
    int loExp = (int) Math.floor(Math.log10(minPositive));
    int hiExp = Math.max(loExp + 1, (int) Math.ceil(Math.log10(maxValue)));
    int[] mantissas = hiExp - loExp <= 3 ? new int[] {1, 2, 5} : new int[] {1};
    List<Double> ticks = new ArrayList<>();
    for (int e = loExp; e <= hiExp; e++) {
      for (int m : mantissas) {
        if (e < hiExp || m == 1) {
          ticks.add(decimal(m, e));
        }
      }
    }
    return new ChartAxis(decimal(1, loExp), decimal(1, hiExp), true, ticks);
  }

  /** Position of {@code v} along the axis, 0 at min and 1 at max; clamped for a log axis. */
  double fraction(double v) {
    if (log) {
      double lo = Math.log10(min);
      return (Math.log10(Math.max(v, min)) - lo) / (Math.log10(max) - lo);
    }
    return (v - min) / (max - min);
  }

  boolean contains(double v) {
    return v >= min && v <= max;
  }

  /** Smallest of 1, 2, 5 x 10^k at or above {@code raw}. */
  static BigDecimal niceStep(double raw) {
    int exp = (int) Math.floor(Math.log10(raw));
    double f = raw / Math.pow(10, exp);
    if (f > 5 + 1e-9) {
      return BigDecimal.ONE.scaleByPowerOfTen(exp + 1);
    }
    int m = f > 2 + 1e-9 ? 5 : f > 1 + 1e-9 ? 2 : 1;
    return BigDecimal.valueOf(m).scaleByPowerOfTen(exp);
  }

  // Built from the decimal so 5e-2 is the double nearest 0.05, not 5 * 0.01 with its error.
  private static double decimal(int mantissa, int exp) {
    return BigDecimal.valueOf(mantissa).scaleByPowerOfTen(exp).doubleValue();
  }
}
