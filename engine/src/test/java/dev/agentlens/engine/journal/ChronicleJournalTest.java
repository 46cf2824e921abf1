package dev.agentlens.engine.journal;

import static dev.agentlens.engine.journal.JournalFixtures.TENANT;
import static dev.agentlens.engine.journal.JournalFixtures.batch;
import static dev.agentlens.engine.journal.JournalFixtures.event;
import static dev.agentlens.engine.journal.JournalFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentlens.engine.model.IngestEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChronicleJournalTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir Path dir;

  private static SetTimeProvider clockAt(Instant t) {
    return new SetTimeProvider(t);
  }

  private static List<JournalEntry> readAll(JournalReader reader) {
    List<JournalEntry> out = new ArrayList<>();
    for (JournalEntry e = reader.next(); e != null; e = reader.next()) {
      out.add(e);
    }
    return out;
  }

  @Test
  void appendsAndReadsBack() {
    try (ChronicleJournal journal = ChronicleJournal.open(settings(dir, SyncMode.NONE, null))) {
      assertThat(journal.lastIndex()).isEqualTo(-1);
      List<IngestEvent> first = batch("a", 3, 200);
      List<IngestEvent> second = List.of(event("b-0", "{\"x\":1}"));
      long i1 = journal.append(TENANT, first);
      long i2 = journal.append(TENANT, second);
      assertThat(i2).isGreaterThan(i1);
      assertThat(journal.lastIndex()).isEqualTo(i2);
      assertThat(journal.durable(i2).succeeded()).isTrue();

      try (JournalReader reader = journal.reader(-1)) {
        JournalEntry a = reader.next();
        JournalEntry b = reader.next();
        assertThat(a).isEqualTo(new JournalEntry(i1, TENANT, first, a.bytes()));
        assertThat(b).isEqualTo(new JournalEntry(i2, TENANT, second, b.bytes()));
        // Three 200-byte payloads cannot encode in fewer bytes than they hold.
        assertThat(a.bytes()).isGreaterThan(600).isGreaterThan(b.bytes());
        assertThat(b.bytes()).isPositive();
        assertThat(reader.next()).isNull();
        assertThat(reader.lastIndex()).isEqualTo(i2);

        long i3 = journal.append(TENANT, second);
        assertThat(reader.next().index()).isEqualTo(i3);
      }
    }
  }

  @Test
  void concurrentAppendersAreEachReadOnceInIndexOrder() throws Exception {
    int threads = 4;
    int perThread = 500;
    try (ChronicleJournal journal = ChronicleJournal.open(settings(dir, SyncMode.NONE, null))) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Future<List<Long>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String tag = "t" + t;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  List<Long> indexes = new ArrayList<>();
                  for (int i = 0; i < perThread; i++) {
                    indexes.add(journal.append(TENANT, List.of(event(tag + "-" + i, "{}"))));
                  }
                  return indexes;
                }));
      }
      Map<Long, String> written = new HashMap<>();
      for (int t = 0; t < threads; t++) {
        List<Long> indexes = results.get(t).get(30, TimeUnit.SECONDS);
        for (int i = 0; i < perThread; i++) {
          written.put(indexes.get(i), "t" + t + "-" + i);
        }
      }
      pool.shutdown();

      List<JournalEntry> read;
      try (JournalReader reader = journal.reader(-1)) {
        read = readAll(reader);
      }
      assertThat(read).hasSize(threads * perThread);
      assertThat(read).extracting(JournalEntry::index).isSorted().doesNotHaveDuplicates();
      for (JournalEntry e : read) {
        assertThat(e.events().get(0).id()).isEqualTo(written.get(e.index()));
      }
    }
  }

  @Test
  void resumesRightAfterAnIndexAcrossRollCycles() {
    SetTimeProvider clock = clockAt(T0);
    try (ChronicleJournal journal =
        ChronicleJournal.open(settings(dir, SyncMode.NONE, "TEST_SECONDLY"), clock)) {
      long a1 = journal.append(TENANT, List.of(event("a1", "{}")));
      long a2 = journal.append(TENANT, List.of(event("a2", "{}")));
      clock.advanceMillis(3_000);
      long b1 = journal.append(TENANT, List.of(event("b1", "{}")));
      clock.advanceMillis(1_000);
      long c1 = journal.append(TENANT, List.of(event("c1", "{}")));
      assertThat(journal.cycleOf(a1)).isEqualTo(journal.cycleOf(a2));
      assertThat(List.of(a2, b1, c1))
          .extracting(journal::cycleOf)
          .isSorted()
          .doesNotHaveDuplicates();

      try (JournalReader reader = journal.reader(a2)) {
        assertThat(readAll(reader)).extracting(JournalEntry::index).containsExactly(b1, c1);
      }
      try (JournalReader reader = journal.reader(a1)) {
        assertThat(readAll(reader)).extracting(JournalEntry::index).containsExactly(a2, b1, c1);
      }
      try (JournalReader reader = journal.reader(c1)) {
        assertThat(reader.next()).isNull();
        long c2 = journal.append(TENANT, List.of(event("c2", "{}")));
        assertThat(reader.next().index()).isEqualTo(c2);
      }
    }
  }

  @Test
  void aReopenedJournalResumesAfterTheLastAppliedIndex() {
    JournalSettings s = settings(dir, SyncMode.NONE, null);
    List<Long> indexes = new ArrayList<>();
    try (ChronicleJournal journal = ChronicleJournal.open(s)) {
      for (int i = 0; i < 5; i++) {
        indexes.add(journal.append(TENANT, List.of(event("e" + i, "{}"))));
      }
    }
    try (ChronicleJournal journal = ChronicleJournal.open(s)) {
      assertThat(journal.lastIndex()).isEqualTo(indexes.get(4));
      long next = journal.append(TENANT, List.of(event("e5", "{}")));
      assertThat(next).isGreaterThan(indexes.get(4));
      try (JournalReader reader = journal.reader(indexes.get(2))) {
        assertThat(readAll(reader))
            .extracting(e -> e.events().get(0).id())
            .containsExactly("e3", "e4", "e5");
      }
    }
  }

  @Test
  void refusesToResumeAfterAnIndexItDoesNotHold() {
    try (ChronicleJournal journal = ChronicleJournal.open(settings(dir, SyncMode.NONE, null))) {
      long i = journal.append(TENANT, List.of(event("e", "{}")));
      assertThatThrownBy(() -> journal.reader(i + 5))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("no entry at applied index");
    }
  }

  @Test
  void deletesOnlyAppliedCyclesPastRetention() {
    SetTimeProvider clock = clockAt(T0);
    JournalSettings s =
        new JournalSettings(dir, SyncMode.NONE, Duration.ofSeconds(10), "TEST_SECONDLY");
    try (ChronicleJournal journal = ChronicleJournal.open(s, clock)) {
      long a = journal.append(TENANT, List.of(event("a", "{}")));
      clock.advanceMillis(2_000);
      long b = journal.append(TENANT, List.of(event("b", "{}")));
      clock.advanceMillis(2_000);
      long c1 = journal.append(TENANT, List.of(event("c1", "{}")));
      long c2 = journal.append(TENANT, List.of(event("c2", "{}")));
      Path fileA = journal.fileOfCycle(journal.cycleOf(a));
      Path fileB = journal.fileOfCycle(journal.cycleOf(b));
      Path fileC = journal.fileOfCycle(journal.cycleOf(c1));
      assertThat(List.of(fileA, fileB, fileC)).allMatch(Files::exists);
      Instant late = T0.plusSeconds(3_600);

      // Retention not yet elapsed: nothing goes, even though a and b are applied.
      assertThat(journal.deleteAppliedCycles(c1, T0.plusSeconds(5))).isZero();
      // Applied up to the last entry of a: a's cycle is still the applied one, so it stays.
      assertThat(journal.deleteAppliedCycles(a, late)).isZero();
      // Applied into b: only a goes; b holds the applied index, c is current and unapplied.
      assertThat(journal.deleteAppliedCycles(b, late)).isEqualTo(1);
      assertThat(fileA).doesNotExist();
      assertThat(List.of(fileB, fileC)).allMatch(Files::exists);
      // Applied c1 of the current cycle: b goes, c (current, c2 unapplied) stays.
      assertThat(journal.deleteAppliedCycles(c1, late)).isEqualTo(1);
      assertThat(fileB).doesNotExist();
      assertThat(fileC).exists();
      assertThat(journal.deleteAppliedCycles(c2, late)).isZero();

      try (JournalReader reader = journal.reader(c1)) {
        assertThat(readAll(reader)).extracting(JournalEntry::index).containsExactly(c2);
      }
      try (JournalReader reader = journal.reader(-1)) {
        assertThat(readAll(reader)).extracting(JournalEntry::index).containsExactly(c1, c2);
      }
      long d = journal.append(TENANT, List.of(event("d", "{}")));
      assertThat(journal.lastIndex()).isEqualTo(d);
    }
  }

  @Test
  void anUndecodableEntryIsNeitherSkippedNorReturned() {
    try (ChronicleJournal journal = ChronicleJournal.open(settings(dir, SyncMode.NONE, null))) {
      long good = journal.append(TENANT, List.of(event("good", "{}")));
      try (SingleChronicleQueue raw =
              SingleChronicleQueueBuilder.binary(dir)
                  .rollCycle(CycleFiles.rollCycleNamed(JournalSettings.DEFAULT_ROLL_CYCLE))
                  .build();
          ExcerptAppender appender = raw.createAppender()) {
        appender.writeBytes(Bytes.from("not an entry"));
      }
      try (JournalReader reader = journal.reader(good)) {
        assertThatThrownBy(reader::next).hasMessageContaining("cannot be decoded");
        assertThatThrownBy(reader::next).hasMessageContaining("cannot be decoded");
        assertThat(reader.lastIndex()).isEqualTo(good);
      }
    }
  }

  @Test
  void refusesAnEntryLargerThanChronicleAllows() {
    try (ChronicleJournal journal = ChronicleJournal.open(settings(dir, SyncMode.NONE, null))) {
      String huge = "x".repeat(3 << 19); // two exceed a quarter of the 8 MiB block, one fits
      // Three: the refused encode grows the off-heap buffer past what is kept, so the next
      // append swaps in a fresh buffer and the one after writes through it.
      List<IngestEvent> events = List.of(event("h1", huge), event("h2", huge), event("h3", huge));
      assertThatThrownBy(() -> journal.append(TENANT, events))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("exceeds");
      assertThat(journal.lastIndex()).isEqualTo(-1);
      long ok = journal.append(TENANT, List.of(event("h1", huge)));
      long small = journal.append(TENANT, List.of(event("s1", "{\"k\":1}")));
      try (JournalReader reader = journal.reader(-1)) {
        JournalEntry first = reader.next();
        assertThat(first.index()).isEqualTo(ok);
        assertThat(first.events().get(0).payload()).isEqualTo(huge);
        JournalEntry second = reader.next();
        assertThat(second.index()).isEqualTo(small);
        assertThat(second.events().get(0).payload()).isEqualTo("{\"k\":1}");
      }
    }
  }

  @Test
  void reportsFreeDisk() {
    try (ChronicleJournal journal = ChronicleJournal.open(settings(dir, SyncMode.NONE, null))) {
      assertThat(journal.freeDiskBytes()).isPositive();
    }
  }
}
