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
 */
public record JournalSettings(Path dir, SyncMode sync, Duration retain, String rollCycle) {
  public static final String DEFAULT_ROLL_CYCLE = "FAST_HOURLY";

  public JournalSettings {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(sync, "sync");
    Objects.requireNonNull(retain, "retain");
    if (retain.isNegative()) {
      throw new IllegalArgumentException("journal.retain must not be negative: " + retain);
    }
    rollCycle = rollCycle == null || rollCycle.isBlank() ? DEFAULT_ROLL_CYCLE : rollCycle.trim();
    CycleFiles.rollCycleNamed(rollCycle); // fails fast on an unknown name
  }
}
