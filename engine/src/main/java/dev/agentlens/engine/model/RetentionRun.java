package dev.agentlens.engine.model;

/** The audit record of one retention run (SPEC §7). */
public record RetentionRun(
    String id,
    String startedAt,
    String finishedAt,
    String cutoff,
    long eventsDeleted,
    long anchorsWritten,
    long sessionsRemoved,
    String error) {}
