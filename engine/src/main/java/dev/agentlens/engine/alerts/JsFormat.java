package dev.agentlens.engine.alerts;

import dev.agentlens.engine.json.CanonicalJson;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The number formatting of upstream's alert messages, with JavaScript semantics. */
final class JsFormat {
  private JsFormat() {}

  /** Beyond this, JavaScript's toFixed falls back to {@code String(x)}. */
  private static final double TO_FIXED_LIMIT = 1e21;

  /**
   * {@code x.toFixed(digits)}: the exact binary value rounded half away from zero (JavaScript picks
   * the larger n on a tie of magnitudes), never in exponent form below 1e21.
   */
  static String toFixed(double x, int digits) {
    if (Double.isNaN(x) || Double.isInfinite(x) || Math.abs(x) >= TO_FIXED_LIMIT) {
      return CanonicalJson.formatNumber(x);
    }
    if (x < 0) {
      return "-" + toFixed(-x, digits); // as JavaScript: (-0.0001).toFixed(1) is "-0.0"
    }
    return new BigDecimal(x).setScale(digits, RoundingMode.HALF_UP).toPlainString();
  }

  /** Upstream's {@code f(x)}: an integer as JavaScript prints it, anything else with 4 decimals. */
  static String number(double x) {
    return x == Math.rint(x) && !Double.isInfinite(x)
        ? CanonicalJson.formatNumber(x)
        : toFixed(x, 4);
  }
}
