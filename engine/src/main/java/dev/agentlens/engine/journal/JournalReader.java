package dev.agentlens.engine.journal;

import io.vertx.core.Future;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads journal entries in index order, across roll cycles. Confined to one thread (the drainer's):
 * it wraps a Chronicle tailer.
 *
 * <p>With {@code journal.sync: batch} it only returns entries already on disk, asking for a sync
 * when it meets one that is not: the database must never hold an entry that a power loss could take
 * from the journal, or the restarted drainer would resume after an index that is gone.
 */
public final class JournalReader implements AutoCloseable {
  private final ExcerptTailer tailer;
  private final GroupCommit groupCommit; // null: every appended entry may be read
  private Future<Void> syncRequest = Future.succeededFuture();
  private long lastIndex;

  JournalReader(ExcerptTailer tailer, long afterIndex, GroupCommit groupCommit) {
    this.tailer = tailer;
    this.lastIndex = afterIndex;
    this.groupCommit = groupCommit;
  }

  /**
   * The entry after the last one returned, or null when none is readable yet. An entry that cannot
   * be decoded is not skipped: it throws, now and on every later call, so nothing is silently lost.
   */
  public JournalEntry next() {
    try (DocumentContext dc = tailer.readingDocument()) {
      if (!dc.isPresent()) {
        return null;
      }
      long index = dc.index();
      if (groupCommit != null && index > groupCommit.durableIndex()) {
        dc.rollbackOnClose();
        if (syncRequest.isComplete()) {
          syncRequest = groupCommit.request(index);
        }
        return null;
      }
      try {
        JournalEntry entry = JournalCodec.decode(index, dc.wire().bytes());
        lastIndex = index;
        return entry;
      } catch (RuntimeException e) {
        dc.rollbackOnClose();
        throw e;
      }
    }
  }

  /** The index of the last entry returned by {@link #next}; before that, the reader's start. */
  public long lastIndex() {
    return lastIndex;
  }

  /** Consumes the entry at {@code index}, where the tailer has just been moved. */
  static boolean skipOne(ExcerptTailer tailer, long index) {
    try (DocumentContext dc = tailer.readingDocument()) {
      return dc.isPresent() && dc.index() == index;
    }
  }

  @Override
  public void close() {
    tailer.close();
  }
}
