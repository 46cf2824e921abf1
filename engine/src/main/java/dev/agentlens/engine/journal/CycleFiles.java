package dev.agentlens.engine.journal;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;

/**
 * Maps a roll cycle number to its file and time span, as Chronicle names them with the builder
 * defaults we keep (epoch 0, roll at 00:00 UTC): {@code format(cycle × length) + ".cq4"}.
 */
final class CycleFiles {
  private final Path dir;
  private final RollCycle rollCycle;
  private final long epochMillis;
  private final DateTimeFormatter names;

  CycleFiles(Path dir, RollCycle rollCycle, long epochMillis) {
    this.dir = dir;
    this.rollCycle = rollCycle;
    this.epochMillis = epochMillis;
    this.names =
        DateTimeFormatter.ofPattern(rollCycle.format(), Locale.ROOT).withZone(ZoneOffset.UTC);
  }

  static RollCycle rollCycleNamed(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    for (RollCycles c : RollCycles.values()) {
      if (c.name().equals(upper)) {
        return c;
      }
    }
    for (TestRollCycles c : TestRollCycles.values()) {
      if (c.name().equals(upper)) {
        return c;
      }
    }
    List<String> known = new ArrayList<>();
    for (RollCycles c : RollCycles.values()) {
      known.add(c.name());
    }
    throw new IllegalArgumentException(
        "journal.roll-cycle unknown: " + name + " (one of " + known + ")");
  }

  Path fileOf(int cycle) {
    return dir.resolve(names.format(startOf(cycle)) + SingleChronicleQueue.SUFFIX);
  }

  Instant startOf(int cycle) {
    return Instant.ofEpochMilli(epochMillis + (long) cycle * rollCycle.lengthInMillis());
  }

  Instant endOf(int cycle) {
    return startOf(cycle + 1);
  }

  int cycleOf(long index) {
    return rollCycle.toCycle(index);
  }
}
