package dev.agentlens.engine.model;

/** What one retention transaction did; {@code done} when nothing older than the cutoff is left. */
public record RetentionChunk(long eventsDeleted, long anchorsWritten, boolean done) {}
