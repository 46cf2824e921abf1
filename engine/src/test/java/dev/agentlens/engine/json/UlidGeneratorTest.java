package dev.agentlens.engine.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class UlidGeneratorTest {
  private static final long T0 = 1_770_544_800_000L; // 2026-02-08T10:00:00Z

  /** A clock whose millisecond the test sets by hand. */
  private static final class ManualClock implements InstantSource {
    final AtomicLong millis = new AtomicLong(T0);

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public long millis() {
      return millis.get();
    }
  }

  @Test
  void formatIsTwentySixCrockfordCharsWithTheTimestampFirst() {
    UlidGenerator gen =
        new UlidGenerator(InstantSource.fixed(Instant.ofEpochMilli(T0)), new SplittableRandom(1));
    String id = gen.next();
    assertThat(id).hasSize(26).matches("[0-9A-HJKMNP-TV-Z]{26}");
    assertThat(UlidGenerator.isUlid(id)).isTrue();
    assertThat(UlidGenerator.timestampMillis(id)).isEqualTo(T0);
    assertThat(id.substring(0, 10)).isEqualTo("01KGYB3880"); // T0 in base32
  }

  @Test
  void encodesTheEightyRandomBitsBigEndian() {
    assertThat(UlidGenerator.encode(0, 0, 0)).isEqualTo("00000000000000000000000000");
    assertThat(UlidGenerator.encode((1L << 48) - 1, 0xffff, -1L))
        .isEqualTo("7ZZZZZZZZZZZZZZZZZZZZZZZZZ");
    assertThat(UlidGenerator.encode(0, 0, 1)).isEqualTo("00000000000000000000000001");
    assertThat(UlidGenerator.encode(0, 1, 0))
        .isEqualTo("0000000000000G000000000000"); // 2^64 = 16 * 32^12
    assertThat(UlidGenerator.encode(0, 0x8000, 0)).isEqualTo("0000000000G000000000000000"); // 2^79
  }

  @Test
  void isUlidRejectsWrongLengthAlphabetOrOverflow() {
    assertThat(UlidGenerator.isUlid("01ARZ3NDEKTSV4RRFFQ69G5FAV")).isTrue();
    assertThat(UlidGenerator.isUlid("01ARZ3NDEKTSV4RRFFQ69G5FA")).isFalse();
    assertThat(UlidGenerator.isUlid("01ARZ3NDEKTSV4RRFFQ69G5FAVX")).isFalse();
    assertThat(UlidGenerator.isUlid("01ARZ3NDEKTSV4RRFFQ69G5FAI")).isFalse(); // I is not Crockford
    assertThat(UlidGenerator.isUlid("01arz3ndektsv4rrffq69g5fav"))
        .isFalse(); // canonical form is uppercase
    assertThat(UlidGenerator.isUlid("81ARZ3NDEKTSV4RRFFQ69G5FAV")).isFalse(); // > 48-bit timestamp
    assertThat(UlidGenerator.isUlid(null)).isFalse();
    assertThatThrownBy(() -> UlidGenerator.timestampMillis("nope"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(UlidGenerator.timestampMillis("01ARZ3NDEKTSV4RRFFQ69G5FAV"))
        .isEqualTo(1469922850259L);
  }

  @Test
  void strictlyIncreasingWithinOneMillisecond() {
    UlidGenerator gen =
        new UlidGenerator(InstantSource.fixed(Instant.ofEpochMilli(T0)), new SplittableRandom(7));
    String prev = gen.next();
    for (int i = 0; i < 100_000; i++) {
      String next = gen.next();
      assertThat(next.compareTo(prev)).as("%s after %s", next, prev).isPositive();
      assertThat(UlidGenerator.timestampMillis(next)).isEqualTo(T0);
      prev = next;
    }
  }

  @Test
  void clockGoingBackwardsKeepsTheLastTimestampAndStillIncreases() {
    ManualClock clock = new ManualClock();
    UlidGenerator gen = new UlidGenerator(clock, new SplittableRandom(3));
    String a = gen.next();
    clock.millis.set(T0 - 5000);
    String b = gen.next();
    String c = gen.next();
    clock.millis.set(T0 + 1);
    String d = gen.next();
    assertThat(List.of(a, b, c, d)).isSorted().doesNotHaveDuplicates();
    assertThat(UlidGenerator.timestampMillis(b)).isEqualTo(T0);
    assertThat(UlidGenerator.timestampMillis(d)).isEqualTo(T0 + 1);
  }

  @Test
  void randomPartOverflowBorrowsTheNextMillisecond() {
    RandomGenerator allOnes = () -> -1L;
    UlidGenerator gen = new UlidGenerator(InstantSource.fixed(Instant.ofEpochMilli(T0)), allOnes);
    String max = gen.next();
    String next = gen.next();
    assertThat(max).endsWith("ZZZZZZZZZZZZZZZZ");
    assertThat(next).isGreaterThan(max).endsWith("0000000000000000");
    assertThat(UlidGenerator.timestampMillis(next)).isEqualTo(T0 + 1);
  }

  @Test
  void concurrentCallersGetUniqueIdsIncreasingPerThread() throws Exception {
    UlidGenerator gen = new UlidGenerator();
    int threads = 4;
    int perThread = 50_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  List<String> ids = new ArrayList<>(perThread);
                  for (int i = 0; i < perThread; i++) {
                    ids.add(gen.next());
                  }
                  return ids;
                }));
      }
      start.countDown();
      Set<String> all = new HashSet<>();
      for (Future<List<String>> f : futures) {
        List<String> ids = f.get(60, TimeUnit.SECONDS);
        assertThat(ids).isSorted();
        all.addAll(ids);
      }
      assertThat(all).hasSize(threads * perThread);
    } finally {
      pool.shutdownNow();
    }
  }
}
