package dev.agentlens.engine.store;

import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.IngestEvent;

/** An event ready to insert: its chained form plus the ingest-side facts for the typed columns. */
public record PlannedEvent(IngestEvent source, Event event, boolean metric) {}
