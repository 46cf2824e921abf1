package dev.agentlens.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * One drainer tick: events in journal order and the journal position they reach. The store commits
 * the rows and the checkpoint {@code (nodeId, journalIndex)} in one transaction. With {@code
 * replay}, every id (not only client ids) is checked against stored rows, so a journal entry that
 * was partially committed event by event (poison isolation) can be re-read without duplicates.
 */
public record DrainBatch(
    List<IngestEvent> events, String nodeId, long journalIndex, boolean replay) {
  public DrainBatch {
    events = List.copyOf(events);
    Objects.requireNonNull(nodeId, "nodeId");
    if (nodeId.isEmpty()) {
      throw new IllegalArgumentException("nodeId must not be empty");
    }
  }

  public DrainBatch(List<IngestEvent> events, String nodeId, long journalIndex) {
    this(events, nodeId, journalIndex, false);
  }
}
