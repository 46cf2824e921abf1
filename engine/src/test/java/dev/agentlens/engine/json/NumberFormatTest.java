package dev.agentlens.engine.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ECMAScript Number::toString: shortest round-trip digits, closest among the shortest, JS layout.
 */
class NumberFormatTest {

  /**
   * Expected strings were produced by Node.js {@code String(x)}; JDK 17's Double.toString differs
   * on all.
   */
  @ParameterizedTest
  @CsvSource({
    "6510000000000000, 6.483618076376552e+178",
    "3d30000000000000, 5.684341886080802e-14",
    "7b80000000000000, 7.61352657140625e+286",
    "4376345785d8a001, 100000000000000020",
    "43abc16d674ec7ff, 999999999999999900",
    "44b52d02c7e14af6, 1e+23",
    "c4c52d02c7e14af6, -2e+23",
    "4370000000000000, 72057594037927940",
    "28e0000000000000, 8.31632781251592e-112",
    "0000000000000001, 5e-324",
    "7fefffffffffffff, 1.7976931348623157e+308",
    "0010000000000000, 2.2250738585072014e-308",
    "000fffffffffffff, 2.225073858507201e-308",
    "4830f0cf064dd592, 5.764607523034235e+39",
    "3e60000000000000, 2.9802322387695312e-8"
  })
  void matchesNodeWhereJdk17DoubleToStringIsNotShortest(String bits, String node) {
    double d = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
    assertThat(CanonicalJson.formatNumber(d)).isEqualTo(node);
  }

  @ParameterizedTest
  @CsvSource({
    "-2.109808898695963E16, -21098088986959630",
    "4.940656E-318, 4.940656e-318",
    "1.18575755E-316, 1.18575755e-316",
    "2.989102097996E-312, 2.989102097996e-312",
    "9.0608011534336E15, 9060801153433600",
    "4.708356024711512E18, 4708356024711512000",
    "9.409340012568248E18, 9409340012568248000",
    "1.2345678, 1.2345678",
    "33.333333333333336, 33.333333333333336",
    "0.30000000000000004, 0.30000000000000004",
    "9.5367431640625E-7, 9.5367431640625e-7",
    "0.0000015, 0.0000015",
    "123456789.12345679, 123456789.12345679",
    "4.294967295, 4.294967295",
    "1e20, 100000000000000000000",
    "1e21, 1e+21",
    "1e-6, 0.000001",
    "1.5e-6, 0.0000015",
    "1e-7, 1e-7",
    "-0.0, 0",
    "9007199254740991, 9007199254740991",
    "9007199254740992, 9007199254740992"
  })
  void nodeVectors(double d, String node) {
    assertThat(CanonicalJson.formatNumber(d)).isEqualTo(node);
  }

  @Test
  void twoHundredThousandRandomDoublesRoundTrip() {
    SplittableRandom random = new SplittableRandom(20260208);
    for (int i = 0; i < 200_000; i++) {
      double d = i % 2 == 0 ? randomBits(random) : randomDecimal(random);
      String s = CanonicalJson.formatNumber(d);
      assertThat(Double.parseDouble(s)).as(s).isEqualTo(d);
    }
  }

  @Test
  void digitsAreShortestAndClosestAgainstBigDecimalSearch() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 3000; i++) {
      double d =
          switch (i % 3) {
            case 0 -> randomBits(random);
            case 1 -> randomDecimal(random);
            default ->
                Math.scalb(1.0, random.nextInt(-1074, 1024)); // powers of two: asymmetric bounds
          };
      BigDecimal expected = shortestClosest(d);
      BigDecimal actual = new BigDecimal(CanonicalJson.formatNumber(d));
      assertThat(actual.compareTo(expected)).as("%s vs %s", actual, expected).isZero();
      assertThat(actual.stripTrailingZeros().precision()).isEqualTo(expected.precision());
    }
  }

  /**
   * Brute force: for n = 1, 2, … take the n-digit neighbours below and above the exact value; the
   * first n where one parses back to {@code d} is the shortest length; among two candidates take
   * the closer, ties to even.
   */
  private static BigDecimal shortestClosest(double d) {
    BigDecimal x = new BigDecimal(d);
    for (int n = 1; n <= 17; n++) {
      BigDecimal lo = x.round(new MathContext(n, RoundingMode.FLOOR)).stripTrailingZeros();
      BigDecimal hi = x.round(new MathContext(n, RoundingMode.CEILING)).stripTrailingZeros();
      boolean loOk = Double.parseDouble(lo.toString()) == d;
      boolean hiOk = Double.parseDouble(hi.toString()) == d;
      if (loOk && hiOk && lo.compareTo(hi) != 0) {
        int cmp = x.subtract(lo).compareTo(hi.subtract(x));
        if (cmp == 0) {
          return lo.unscaledValue().testBit(0) ? hi : lo;
        }
        return cmp < 0 ? lo : hi;
      }
      if (loOk) {
        return lo;
      }
      if (hiOk) {
        return hi;
      }
    }
    throw new AssertionError("no round-trip candidate for " + d);
  }

  private static double randomBits(SplittableRandom random) {
    double d;
    do {
      d = Double.longBitsToDouble(random.nextLong());
    } while (Double.isNaN(d) || Double.isInfinite(d));
    return d;
  }

  private static double randomDecimal(SplittableRandom random) {
    double d;
    do {
      long digits =
          random.nextLong(1, 1_000_000_000_000L) / (long) Math.pow(10, random.nextInt(12));
      d = Double.parseDouble(Math.max(1, digits) + "e" + random.nextInt(-330, 310));
    } while (d == 0 || Double.isInfinite(d));
    return random.nextBoolean() ? d : -d;
  }
}
