package dev.agentlens.engine.model;

/** An event the database refused for good, kept with the reason instead of being dropped. */
public record DeadLetter(
    long id, String tenantId, String eventId, String reason, String eventJson, String createdAt) {}
