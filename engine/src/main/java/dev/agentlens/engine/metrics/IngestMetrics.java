package dev.agentlens.engine.metrics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters shared by the HTTP verticles (appends) and the drainer (commits): the backlog that
 * drives backpressure, and what /metrics and /api/health report. Counters, not logs, on hot paths.
 */
public final class IngestMetrics {
  private final LongAdder appendedEvents = new LongAdder();
  private final LongAdder appendedRequests = new LongAdder();
  private final AtomicLong committedEvents = new AtomicLong();
  private final LongAdder duplicateEvents = new LongAdder();
  private final LongAdder deadLetteredEvents = new LongAdder();
  private final LongAdder drainBatches = new LongAdder();
  private final LongAdder drainFailures = new LongAdder();
  private final LongAdder rejectedBackpressure = new LongAdder();
  private final AtomicLong committedIndex = new AtomicLong(-1);
  private final AtomicLong lastCommitMillis = new AtomicLong();
  private volatile boolean databaseUp = true;

  public void appended(int events) {
    appendedEvents.add(events);
    appendedRequests.increment();
  }

  /** Events of entries appended by this process that the drainer has now committed or skipped. */
  public void drained(int events, long journalIndex, long nowMillis) {
    committedEvents.addAndGet(events);
    committedIndex.set(journalIndex);
    lastCommitMillis.set(nowMillis);
    drainBatches.increment();
    databaseUp = true;
  }

  /**
   * The drainer resumed after this checkpoint (so health shows progress before the first commit).
   */
  public void resumedAt(long journalIndex) {
    committedIndex.set(journalIndex);
  }

  public void duplicates(int n) {
    duplicateEvents.add(n);
  }

  public void deadLettered(int n) {
    deadLetteredEvents.add(n);
  }

  public void drainFailed() {
    drainFailures.increment();
  }

  public void databaseDown() {
    databaseUp = false;
  }

  public void rejected() {
    rejectedBackpressure.increment();
  }

  /**
   * Journaled but not yet drained events appended by this process (entries left from before a
   * restart drain first and are not counted: they are already safe on disk).
   */
  public long backlog() {
    return Math.max(0, appendedEvents.sum() - committedEvents.get());
  }

  public long appendedEvents() {
    return appendedEvents.sum();
  }

  public long appendedRequests() {
    return appendedRequests.sum();
  }

  public long committedEvents() {
    return committedEvents.get();
  }

  public long duplicateEvents() {
    return duplicateEvents.sum();
  }

  public long deadLetteredEvents() {
    return deadLetteredEvents.sum();
  }

  public long drainBatches() {
    return drainBatches.sum();
  }

  public long drainFailures() {
    return drainFailures.sum();
  }

  public long rejectedBackpressure() {
    return rejectedBackpressure.sum();
  }

  public long committedIndex() {
    return committedIndex.get();
  }

  public long lastCommitMillis() {
    return lastCommitMillis.get();
  }

  public boolean databaseUp() {
    return databaseUp;
  }
}
