package dev.agentlens.engine.json;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Monotonic ULIDs: 26 chars of Crockford base32 (48-bit millisecond timestamp, 80 random bits). Ids
 * from one generator are strictly increasing across all threads: within a millisecond, or when the
 * clock steps back, the previous id's random part is incremented; only a new, later millisecond
 * draws fresh random bits.
 */
public final class UlidGenerator {
  static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final char[] ENCODE = ALPHABET.toCharArray();
  private static final byte[] DECODE = new byte[128];
  private static final long MAX_TIMESTAMP = (1L << 48) - 1;
  private static final long RANDOM_HI_MASK = 0xffffL; // the top 16 of the 80 random bits

  static {
    Arrays.fill(DECODE, (byte) -1);
    for (int i = 0; i < ENCODE.length; i++) {
      DECODE[ENCODE[i]] = (byte) i;
    }
  }

  private final InstantSource clock;
  private final RandomGenerator random;
  // Guarded by this: the last id issued. A short synchronized block beats a CAS loop that allocates
  // per call.
  private long lastMillis = -1;
  private long randomHi;
  private long randomLo;

  /** System clock; SecureRandom for the random bits drawn at each new millisecond. */
  public UlidGenerator() {
    this(InstantSource.system(), new SecureRandom());
  }

  public UlidGenerator(InstantSource clock, RandomGenerator random) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The next id; strictly greater than every id this generator returned before. */
  public String next() {
    long now = clock.millis();
    if (now < 0 || now > MAX_TIMESTAMP) {
      throw new IllegalStateException("Clock outside the ULID range: " + now);
    }
    long ms;
    long hi;
    long lo;
    synchronized (this) {
      if (now > lastMillis) {
        lastMillis = now;
        randomHi = random.nextLong() & RANDOM_HI_MASK;
        randomLo = random.nextLong();
      } else if (++randomLo == 0 && (randomHi = (randomHi + 1) & RANDOM_HI_MASK) == 0) {
        // 80-bit overflow: borrow the next millisecond so order is still strict.
        if (lastMillis == MAX_TIMESTAMP) {
          throw new IllegalStateException("ULID space exhausted");
        }
        lastMillis++;
      }
      ms = lastMillis;
      hi = randomHi;
      lo = randomLo;
    }
    return encode(ms, hi, lo);
  }

  static String encode(long millis, long hi, long lo) {
    char[] c = new char[26];
    for (int i = 9; i >= 0; i--) {
      c[i] = ENCODE[(int) (millis & 31)];
      millis >>>= 5;
    }
    // 80 random bits = 16 chars; bit offset 75 - 5k from the low end of the 80-bit value.
    for (int k = 0; k < 16; k++) {
      int shift = 75 - 5 * k;
      long v;
      if (shift >= 64) {
        v = hi >>> (shift - 64);
      } else if (shift > 59) {
        v = (hi << (64 - shift)) | (lo >>> shift);
      } else {
        v = lo >>> shift;
      }
      c[10 + k] = ENCODE[(int) (v & 31)];
    }
    return new String(c);
  }

  /** True for 26 uppercase Crockford base32 chars whose timestamp fits 48 bits (first char 0–7). */
  public static boolean isUlid(String s) {
    if (s == null || s.length() != 26 || s.charAt(0) > '7') {
      return false;
    }
    for (int i = 0; i < 26; i++) {
      char ch = s.charAt(i);
      if (ch >= 128 || DECODE[ch] < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The millisecond timestamp encoded in a ULID; {@link IllegalArgumentException} if it is not one.
   */
  public static long timestampMillis(String ulid) {
    if (!isUlid(ulid)) {
      throw new IllegalArgumentException("Not a ULID: " + ulid);
    }
    long ms = 0;
    for (int i = 0; i < 10; i++) {
      ms = (ms << 5) | DECODE[ulid.charAt(i)];
    }
    return ms;
  }
}
