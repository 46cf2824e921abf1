package dev.agentlens.engine.journal;

import dev.agentlens.engine.model.IngestEvent;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.io.Closeable;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

/**
 * The write-ahead journal on a Chronicle Queue: one binary entry per accepted request ({@link
 * JournalCodec}), appended on the caller's event loop, read back in index order by the drainer.
 *
 * <p>Threads: {@link #append} and {@link #durable} from any number of threads, each with its own
 * appender (Chronicle appenders are thread-confined); {@link #reader}, {@link #lastIndex} and
 * {@link #deleteAppliedCycles} from the drainer. The JVM needs the parent pom's Chronicle flags.
 */
public final class ChronicleJournal implements AutoCloseable {
  private static final int BUFFER_BYTES = 128 << 10;
  private static final int BUFFER_KEEP_BYTES = 4 << 20;

  /**
   * One appending thread's appender and encode buffer. The buffer is off-heap: Chronicle copies a
   * direct source into the mapped file with one memory copy, but a heap source a long at a time
   * with a bounds check each, holding the queue's write lock all along (a JFR profile at 40k
   * events/s put 13% of the event loops' time in that copy and 18% in the other loop spinning on
   * the lock).
   */
  private static final class Writer {
    final ExcerptAppender appender;
    Bytes<ByteBuffer> buffer = Bytes.elasticByteBuffer(BUFFER_BYTES);

    Writer(ExcerptAppender appender) {
      this.appender = appender;
    }
  }

  private final JournalSettings settings;
  private final SingleChronicleQueue queue;
  private final CycleFiles cycles;
  private final GroupCommit groupCommit;
  private final Queue<Writer> writers = new ConcurrentLinkedQueue<>();
  private final ThreadLocal<Writer> writer = ThreadLocal.withInitial(this::newWriter);
  private volatile boolean closed;

  private ChronicleJournal(JournalSettings settings, SingleChronicleQueue queue) {
    this.settings = settings;
    this.queue = queue;
    this.cycles = new CycleFiles(settings.dir(), queue.rollCycle(), queue.epoch());
    this.groupCommit =
        settings.sync() == SyncMode.BATCH ? new GroupCommit(settings.dir(), cycles) : null;
  }

  public static ChronicleJournal open(JournalSettings settings) {
    return open(settings, SystemTimeProvider.INSTANCE);
  }

  /** With a controllable clock, for tests that roll cycles. */
  static ChronicleJournal open(JournalSettings settings, TimeProvider time) {
    try {
      Files.createDirectories(settings.dir());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create journal dir " + settings.dir(), e);
    }
    SingleChronicleQueue queue =
        SingleChronicleQueueBuilder.binary(settings.dir())
            .rollCycle(CycleFiles.rollCycleNamed(settings.rollCycle()))
            .blockSize(settings.blockSize())
            .timeProvider(time)
            .build();
    return new ChronicleJournal(settings, queue);
  }

  /**
   * Creates the calling thread's appender now rather than on its first append: a new appender scans
   * the last cycle for its end, which can take a noticeable time. Call it from each HTTP verticle's
   * start, on its event loop.
   */
  public void prepareAppender() {
    if (closed) {
      throw new IllegalStateException("journal closed");
    }
    writer.get();
  }

  /**
   * Appends one entry and returns its index. Non-blocking in the page-cache sense: it copies the
   * encoded entry into the mapped file (a roll to a new cycle also creates that file).
   */
  public long append(String tenantId, List<IngestEvent> events) {
    if (closed) {
      throw new IllegalStateException("journal closed");
    }
    Writer w = writer.get();
    Bytes<ByteBuffer> buffer = w.buffer;
    buffer.clear();
    JournalCodec.encode(buffer, tenantId, events);
    // Chronicle refuses a message larger than a quarter of its block size.
    long maxEntryBytes = settings.blockSize() / 4;
    if (buffer.writePosition() > maxEntryBytes) {
      throw new IllegalArgumentException(
          "journal entry of " + buffer.writePosition() + " bytes exceeds " + maxEntryBytes);
    }
    w.appender.writeBytes(buffer);
    long index = w.appender.lastIndexAppended();
    if (buffer.realCapacity() > BUFFER_KEEP_BYTES) {
      buffer.releaseLast();
      w.buffer = Bytes.elasticByteBuffer(BUFFER_BYTES); // one huge request keeps no huge buffer
    }
    return index;
  }

  /**
   * Completes once the entry at {@code index} (appended by the caller) survives what the sync mode
   * promises: at once for NONE (page cache), after a shared fsync for BATCH. On a Vert.x thread the
   * future completes on the caller's context.
   */
  public Future<Void> durable(long index) {
    return groupCommit == null ? Future.succeededFuture() : groupCommit.request(index);
  }

  /**
   * A reader positioned right after {@code afterIndex} ({@code -1}: at the start). Use it from one
   * thread only. With BATCH sync it returns only entries already on disk. Fails when the journal no
   * longer holds {@code afterIndex}, which would mean entries after it may be lost.
   */
  public JournalReader reader(long afterIndex) {
    ExcerptTailer tailer = queue.createTailer();
    try {
      if (afterIndex < 0) {
        tailer.toStart();
      } else if (!tailer.moveToIndex(afterIndex) || !JournalReader.skipOne(tailer, afterIndex)) {
        throw new IllegalStateException(
            "journal "
                + settings.dir()
                + " has no entry at applied index "
                + Long.toHexString(afterIndex)
                + " (last index "
                + Long.toHexString(queue.lastIndex())
                + ")");
      }
    } catch (RuntimeException e) {
      tailer.close();
      throw e;
    }
    tailer.singleThreadedCheckReset(); // the drainer's thread may differ from the caller's
    return new JournalReader(tailer, afterIndex < 0 ? -1 : afterIndex, groupCommit);
  }

  /** The index of the last entry, or -1 when the journal is empty. */
  public long lastIndex() {
    long last = queue.lastIndex();
    return last < 0 ? -1 : last;
  }

  /**
   * Deletes cycle files that hold only applied entries and ended more than {@code retain} before
   * {@code now}. Only cycles strictly before the applied index's cycle qualify, so neither the
   * current cycle nor one with unapplied entries is touched; the drainer's reader is past them.
   *
   * @return how many files were deleted
   */
  public int deleteAppliedCycles(long appliedIndex, Instant now) {
    if (appliedIndex < 0 || closed) {
      return 0;
    }
    int bound = Math.min(cycles.cycleOf(appliedIndex), queue.cycle());
    int first = queue.firstCycle();
    if (first >= bound) {
      return 0;
    }
    Instant cutoff = now.minus(settings.retain());
    int deleted = 0;
    // Both bounds must be existing cycles, hence first..last, filtered.
    for (long c : queue.listCyclesBetween(first, queue.lastCycle())) {
      int cycle = (int) c;
      if (cycle < bound && !cycles.endOf(cycle).isAfter(cutoff) && delete(cycles.fileOf(cycle))) {
        deleted++;
      }
    }
    if (deleted > 0) {
      queue.refreshDirectoryListing();
    }
    return deleted;
  }

  private static boolean delete(Path file) {
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete journal file " + file, e);
    }
  }

  /** Usable bytes on the journal's file system. */
  public long freeDiskBytes() {
    return settings.dir().toFile().getUsableSpace();
  }

  /** Sync rounds run so far in BATCH mode (each serves every request pending when it starts). */
  public long syncCount() {
    return groupCommit == null ? 0 : groupCommit.syncCount();
  }

  /** Test hook: runs on the sync thread before each BATCH sync round. */
  void beforeSync(Runnable hook) {
    if (groupCommit != null) {
      groupCommit.beforeSync(hook);
    }
  }

  Path fileOfCycle(int cycle) {
    return cycles.fileOf(cycle);
  }

  int cycleOf(long index) {
    return cycles.cycleOf(index);
  }

  private Writer newWriter() {
    Writer w = new Writer(queue.createAppender());
    writers.add(w);
    return w;
  }

  /** Completes pending durability requests, then closes the appenders and the queue. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (groupCommit != null) {
      groupCommit.close();
    }
    for (Writer w : writers) {
      Closeable.closeQuietly(w.appender);
      w.buffer.releaseLast();
    }
    writers.clear();
    queue.close();
  }
}
