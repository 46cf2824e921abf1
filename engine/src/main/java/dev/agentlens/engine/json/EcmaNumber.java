package dev.agentlens.engine.json;

import java.math.BigInteger;

/**
 * ECMAScript {@code Number::toString} for doubles: shortest round-trip digits, closest to the exact
 * value among the shortest (ties to even), laid out the way JavaScript prints numbers.
 *
 * <p>JDK 17's {@link Double#toString} is not shortest (e.g. {@code 1e23} prints as {@code
 * 9.999999999999999E22}, {@code 5e-324} as {@code 4.9E-324}), so the digits come from an
 * implementation of Ulf Adams' Ryū algorithm (PLDI 2018) with 128-bit multiplier tables computed
 * once at class initialisation.
 */
final class EcmaNumber {
  private static final int POW5_BITCOUNT = 125;
  private static final int POW5_INV_BITCOUNT = 125;
  private static final int POW5_TABLE_SIZE = 326;
  private static final int POW5_INV_TABLE_SIZE = 342;

  // [i][0] = low 64 bits, [i][1] = high bits of the 125-bit multipliers.
  private static final long[][] POW5_SPLIT = new long[POW5_TABLE_SIZE][2];
  private static final long[][] POW5_INV_SPLIT = new long[POW5_INV_TABLE_SIZE][2];

  private static final long[] POW10 = new long[19];

  /** Integers below 2^53 are exact and print as plain longs: the common case, no Ryū needed. */
  private static final double EXACT_INTEGER_LIMIT = 9007199254740992.0;

  static {
    BigInteger mask64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    BigInteger five = BigInteger.valueOf(5);
    for (int i = 0; i < POW5_TABLE_SIZE; i++) {
      BigInteger pow = five.pow(i);
      int shift = pow.bitLength() - POW5_BITCOUNT;
      BigInteger v = shift >= 0 ? pow.shiftRight(shift) : pow.shiftLeft(-shift);
      POW5_SPLIT[i][0] = v.and(mask64).longValue();
      POW5_SPLIT[i][1] = v.shiftRight(64).longValue();
    }
    for (int i = 0; i < POW5_INV_TABLE_SIZE; i++) {
      BigInteger pow = five.pow(i);
      int j = pow.bitLength() - 1 + POW5_INV_BITCOUNT;
      BigInteger inv = BigInteger.ONE.shiftLeft(j).divide(pow).add(BigInteger.ONE);
      POW5_INV_SPLIT[i][0] = inv.and(mask64).longValue();
      POW5_INV_SPLIT[i][1] = inv.shiftRight(64).longValue();
    }
    long p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private EcmaNumber() {}

  /** Appends {@code Number::toString(d)}; NaN and infinities as {@code NaN}/{@code Infinity}. */
  static void append(double d, StringBuilder out) {
    if (Math.abs(d) < EXACT_INTEGER_LIMIT && d == (long) d) {
      out.append((long) d); // also maps -0 to "0"
      return;
    }
    if (Double.isNaN(d)) {
      out.append("NaN");
      return;
    }
    if (d < 0) {
      out.append('-');
      d = -d;
    }
    if (d == Double.POSITIVE_INFINITY) {
      out.append("Infinity");
      return;
    }
    shortest(Double.doubleToRawLongBits(d), out);
  }

  /** Ryū: finds the shortest decimal in the rounding interval of a positive finite double. */
  private static void shortest(long bits, StringBuilder out) {
    long ieeeMantissa = bits & ((1L << 52) - 1);
    int ieeeExponent = (int) (bits >>> 52) & 0x7ff;
    int e2;
    long m2;
    if (ieeeExponent == 0) {
      e2 = 1 - 1023 - 52 - 2;
      m2 = ieeeMantissa;
    } else {
      e2 = ieeeExponent - 1023 - 52 - 2;
      m2 = (1L << 52) | ieeeMantissa;
    }
    boolean acceptBounds = (m2 & 1) == 0; // round-half-even parsing includes the bounds
    long mv = 4 * m2;
    int mmShift = (ieeeMantissa != 0 || ieeeExponent <= 1) ? 1 : 0;

    long vr;
    long vp;
    long vm;
    int e10;
    boolean vmIsTrailingZeros = false;
    boolean vrIsTrailingZeros = false;
    if (e2 >= 0) {
      int q = log10Pow2(e2) - (e2 > 3 ? 1 : 0);
      e10 = q;
      int k = POW5_INV_BITCOUNT + pow5bits(q) - 1;
      int i = -e2 + q + k;
      long[] mul = POW5_INV_SPLIT[q];
      vr = mulShift64(4 * m2, mul, i);
      vp = mulShift64(4 * m2 + 2, mul, i);
      vm = mulShift64(4 * m2 - 1 - mmShift, mul, i);
      if (q <= 21) {
        if (mv % 5 == 0) {
          vrIsTrailingZeros = multipleOfPowerOf5(mv, q);
        } else if (acceptBounds) {
          vmIsTrailingZeros = multipleOfPowerOf5(mv - 1 - mmShift, q);
        } else {
          vp -= multipleOfPowerOf5(mv + 2, q) ? 1 : 0;
        }
      }
    } else {
      int q = log10Pow5(-e2) - (-e2 > 1 ? 1 : 0);
      e10 = q + e2;
      int i = -e2 - q;
      int k = pow5bits(i) - POW5_BITCOUNT;
      int j = q - k;
      long[] mul = POW5_SPLIT[i];
      vr = mulShift64(4 * m2, mul, j);
      vp = mulShift64(4 * m2 + 2, mul, j);
      vm = mulShift64(4 * m2 - 1 - mmShift, mul, j);
      if (q <= 1) {
        vrIsTrailingZeros = true;
        if (acceptBounds) {
          vmIsTrailingZeros = mmShift == 1;
        } else {
          --vp;
        }
      } else if (q < 63) {
        vrIsTrailingZeros = (mv & ((1L << q) - 1)) == 0;
      }
    }

    int removed = 0;
    int lastRemovedDigit = 0;
    long output;
    if (vmIsTrailingZeros || vrIsTrailingZeros) {
      // Rare general case: the exact value or the lower bound may end in zeros.
      while (vp / 10 > vm / 10) {
        vmIsTrailingZeros &= vm % 10 == 0;
        vrIsTrailingZeros &= lastRemovedDigit == 0;
        lastRemovedDigit = (int) (vr % 10);
        vr /= 10;
        vp /= 10;
        vm /= 10;
        removed++;
      }
      if (vmIsTrailingZeros) {
        while (vm % 10 == 0) {
          vrIsTrailingZeros &= lastRemovedDigit == 0;
          lastRemovedDigit = (int) (vr % 10);
          vr /= 10;
          vp /= 10;
          vm /= 10;
          removed++;
        }
      }
      if (vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0) {
        lastRemovedDigit = 4; // exact tie: round half to even
      }
      boolean up = (vr == vm && (!acceptBounds || !vmIsTrailingZeros)) || lastRemovedDigit >= 5;
      output = vr + (up ? 1 : 0);
    } else {
      boolean roundUp = false;
      while (vp / 10 > vm / 10) {
        roundUp = vr % 10 >= 5;
        vr /= 10;
        vp /= 10;
        vm /= 10;
        removed++;
      }
      output = vr + ((vr == vm || roundUp) ? 1 : 0);
    }
    int exp = e10 + removed;
    while (output % 10 == 0) { // ECMAScript wants the minimal digit count k
      output /= 10;
      exp++;
    }
    layout(output, exp, out);
  }

  /** Number::toString layout for value = digits * 10^exp with k significant digits. */
  private static void layout(long digits, int exp, StringBuilder out) {
    int k = decimalLength(digits);
    int n = exp + k;
    if (k <= n && n <= 21) {
      out.append(digits);
      for (int i = k; i < n; i++) {
        out.append('0');
      }
    } else if (0 < n && n <= 21) {
      long scale = POW10[k - n];
      out.append(digits / scale).append('.');
      appendPadded(digits % scale, k - n, out);
    } else if (-6 < n && n <= 0) {
      out.append("0.");
      for (int i = n; i < 0; i++) {
        out.append('0');
      }
      out.append(digits);
    } else {
      if (k == 1) {
        out.append(digits);
      } else {
        long scale = POW10[k - 1];
        out.append(digits / scale).append('.');
        appendPadded(digits % scale, k - 1, out);
      }
      out.append('e').append(n - 1 < 0 ? '-' : '+').append(Math.abs(n - 1));
    }
  }

  private static void appendPadded(long value, int width, StringBuilder out) {
    for (int i = decimalLength(value); i < width; i++) {
      out.append('0');
    }
    out.append(value);
  }

  private static int decimalLength(long v) {
    int len = 1;
    while (len < 19 && v >= POW10[len]) {
      len++;
    }
    return len;
  }

  /** ((m * mul) >> j) for a 125-bit multiplier; m < 2^55 so the result fits in 64 bits. */
  private static long mulShift64(long m, long[] mul, int j) {
    long b0Hi = unsignedMultiplyHigh(m, mul[0]);
    long b2Lo = m * mul[1];
    long b2Hi = unsignedMultiplyHigh(m, mul[1]);
    long lo = b0Hi + b2Lo;
    long hi = b2Hi + (Long.compareUnsigned(lo, b0Hi) < 0 ? 1 : 0);
    int dist = j - 64; // always in [1, 63] for doubles
    return (hi << (64 - dist)) | (lo >>> dist);
  }

  /**
   * Math.unsignedMultiplyHigh is JDK 18+; m is non-negative here so one correction term suffices.
   */
  private static long unsignedMultiplyHigh(long m, long x) {
    return Math.multiplyHigh(m, x) + ((x >> 63) & m);
  }

  private static boolean multipleOfPowerOf5(long value, int p) {
    int count = 0;
    while (value % 5 == 0 && value != 0) {
      value /= 5;
      count++;
      if (count >= p) {
        return true;
      }
    }
    return count >= p;
  }

  /** e == 0 ? 1 : ceil(log2(5^e)), valid for 0 <= e <= 1500. */
  private static int pow5bits(int e) {
    return ((e * 1217359) >>> 19) + 1;
  }

  /** floor(log10(2^e)), valid for 0 <= e <= 1500. */
  private static int log10Pow2(int e) {
    return (e * 78913) >>> 18;
  }

  /** floor(log10(5^e)), valid for 0 <= e <= 1500. */
  private static int log10Pow5(int e) {
    return (e * 732923) >>> 20;
  }
}
