package dev.agentlens.engine.journal;

import dev.agentlens.engine.model.IngestEvent;
import java.util.List;
import java.util.Objects;

/** One journaled request as the drainer reads it back: its journal index, tenant and events. */
public record JournalEntry(long index, String tenantId, List<IngestEvent> events) {
  public JournalEntry {
    Objects.requireNonNull(tenantId, "tenantId");
    events = List.copyOf(events);
  }
}
