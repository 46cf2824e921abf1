package dev.agentlens.engine.journal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the journal is kept.
 *
 * <p>{@code rollCycle} names a Chronicle roll cycle ({@code RollCycles}, or {@code TestRollCycles}
 * for tests). The default, {@value #DEFAULT_ROLL_CYCLE}, is a compromise: a roll creates and maps a
 * new file on the appending event loop, so rolls should be rare, while deletion works on whole
 * cycles, so a cycle should be small next to {@code retain}; at 1k events/s an hourly file is about
 * 2–3 GB, which keeps the journal within a few GB with {@code retain} = 1h.
 *
 * <p>{@code largestRequestBytes} (the HTTP body limit) sizes Chronicle's mapped blocks: an entry
 * may take up to a quarter of a block, and every mapped block stays resident while an appender or
 * the drainer works in it, so blocks are no larger than the largest request needs (8 MiB for the
 * default 1 MiB limit: ~135 MiB of resident journal mappings at 64 MiB blocks measured at 10k
 * events/s, ~70 MiB at 16 MiB).
 */
public record JournalSettings(
    Path dir, SyncMode sync, Duration retain, String rollCycle, long largestRequestBytes) {
  public static final String DEFAULT_ROLL_CYCLE = "FAST_HOURLY";
  public static final long DEFAULT_LARGEST_REQUEST = 1L << 20;
  private static final long MIN_BLOCK = 8L << 20;

  /** Settings for requests up to the default HTTP body limit. */
  public JournalSettings(Path dir, SyncMode sync, Duration retain, String rollCycle) {
    this(dir, sync, retain, rollCycle, DEFAULT_LARGEST_REQUEST);
  }

  public JournalSettings {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(sync, "sync");
    Objects.requireNonNull(retain, "retain");
    if (retain.isNegative()) {
      throw new IllegalArgumentException("journal.retain must not be negative: " + retain);
    }
    rollCycle = rollCycle == null || rollCycle.isBlank() ? DEFAULT_ROLL_CYCLE : rollCycle.trim();
    CycleFiles.rollCycleNamed(rollCycle); // fails fast on an unknown name
    if (largestRequestBytes < 1) {
      throw new IllegalArgumentException("largestRequestBytes must be positive");
    }
  }

  /**
   * Chronicle's block size: a power of two holding four entries of 2x the largest request (an
   * entry's binary encoding is about the size of its JSON body), at least 8 MiB.
   */
  public long blockSize() {
    long need = Math.max(MIN_BLOCK, Math.multiplyExact(largestRequestBytes, 8));
    return Long.highestOneBit(need - 1) << 1;
  }
}
