package dev.agentlens.engine.journal;

import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads journal entries in index order, across roll cycles. Confined to one thread (the drainer's):
 * it wraps a Chronicle tailer.
 */
public final class JournalReader implements AutoCloseable {
  private final ExcerptTailer tailer;
  private long lastIndex;

  JournalReader(ExcerptTailer tailer, long afterIndex) {
    this.tailer = tailer;
    this.lastIndex = afterIndex;
  }

  /**
   * The entry after the last one returned, or null when none is written yet. An entry that cannot
   * be decoded is not skipped: it throws, now and on every later call, so nothing is silently lost.
   */
  public JournalEntry next() {
    try (DocumentContext dc = tailer.readingDocument()) {
      if (!dc.isPresent()) {
        return null;
      }
      try {
        JournalEntry entry = JournalCodec.decode(dc.index(), dc.wire().bytes());
        lastIndex = entry.index();
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
