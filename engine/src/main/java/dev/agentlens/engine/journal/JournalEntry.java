package dev.agentlens.engine.journal;

import dev.agentlens.engine.model.IngestEvent;
import java.util.List;
import java.util.Objects;

/**
 * One journaled request as the drainer reads it back: its journal index, tenant, events and the
 * size of its encoded form (what the drainer budgets a transaction's memory by).
 */
public record JournalEntry(long index, String tenantId, List<IngestEvent> events, long bytes) {
  public JournalEntry {
    Objects.requireNonNull(tenantId, "tenantId");
    events = List.copyOf(events);
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes not >= 0");
    }
  }
}
