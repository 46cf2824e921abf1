package dev.agentlens.bench;

import dev.agentlens.engine.journal.ChronicleJournal;
import dev.agentlens.engine.journal.JournalCodec;
import dev.agentlens.engine.journal.JournalSettings;
import dev.agentlens.engine.journal.SyncMode;
import dev.agentlens.engine.model.IngestEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.openhft.chronicle.bytes.Bytes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code POST /api/events} waits for between parsing and answering: {@code
 * ChronicleJournal.append} of one {@code entryEvents}-event entry (the request), then {@code
 * durable(index)} completing, exactly as {@code IngestHandler} does before its 202. With {@code
 * sync=NONE} that is the encode and the copy into the mapped cycle file (durable completes at
 * once); with {@code BATCH} it also includes the group-commit round trip, i.e. the fdatasync of the
 * cycle file on the sync thread. One appending thread, so every BATCH round serves exactly one
 * append: the ack latency of a lone client, the upper bound of what group commit shares out under
 * concurrent load. Score = µs per entry; divide by {@code entryEvents} for µs per event.
 *
 * <p>The entries are 64 pre-generated {@link EventMix} batches (~58 KB encoded each) cycled
 * round-robin; the trial setup prints their encoded size. Each iteration appends to a fresh journal
 * in the trial's temp directory and deletes it afterwards: at NONE the appends write a few hundred
 * MB/s into the page cache, so short iterations (1 s) bound the disk used to one iteration's worth.
 * A fresh journal per iteration also means each starts by appending to a new cycle file, as the
 * server does after a roll. The BATCH numbers are the fsync latency of the disk under the temp
 * directory and say nothing unless that is the journal's real disk: choose it with {@code -jvmArgs
 * -Djava.io.tmpdir=/path} ({@code -jvmArgs}, not {@code -jvmArgsAppend}, which would replace {@link
 * ChronicleFork}'s flags).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class JournalAppendBenchmark extends ChronicleFork {

  static final String TENANT = "default";

  /** Pre-generated entries; a power of two, so the cursor wraps with a mask. */
  static final int ENTRIES = 64;

  @Param({"NONE", "BATCH"})
  public SyncMode sync;

  @Param({"100"})
  public int entryEvents;

  private final List<List<IngestEvent>> entries = new ArrayList<>(ENTRIES);
  private Path trialDir;
  private Path journalDir;
  private ChronicleJournal journal;
  private int iteration;
  private int cursor;

  @Setup(Level.Trial)
  public void generate() throws Exception {
    checkFlags();
    trialDir = Files.createTempDirectory("agentlens-journal-bench");
    EventMix mix = new EventMix(42, TENANT, 60, 8, Instant.parse("2026-01-01T00:00:00Z"));
    long bytes = 0;
    Bytes<byte[]> buffer = Bytes.allocateElasticOnHeap(128 << 10);
    for (int i = 0; i < ENTRIES; i++) {
      List<IngestEvent> entry = List.copyOf(mix.next(entryEvents));
      entries.add(entry);
      buffer.clear();
      JournalCodec.encode(buffer, TENANT, entry);
      bytes += buffer.writePosition();
    }
    System.out.printf(
        Locale.ROOT,
        "%nentries of %d events, %,d bytes encoded on average, journal under %s%n",
        entryEvents,
        bytes / ENTRIES,
        trialDir);
  }

  @Setup(Level.Iteration)
  public void openJournal() {
    journalDir = trialDir.resolve("journal-" + iteration++);
    journal =
        ChronicleJournal.open(new JournalSettings(journalDir, sync, Duration.ofHours(1), null));
    journal.prepareAppender(); // on the benchmark thread: the appender is thread-local
  }

  @Benchmark
  public long appendUntilDurable() throws Exception {
    long index = journal.append(TENANT, entries.get(cursor++ & (ENTRIES - 1)));
    journal.durable(index).toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES);
    return index;
  }

  @TearDown(Level.Iteration)
  public void dropJournal() throws Exception {
    journal.close();
    delete(journalDir);
  }

  @TearDown(Level.Trial)
  public void deleteTrialDir() throws Exception {
    delete(trialDir);
  }

  static void delete(Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
