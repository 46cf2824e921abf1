package dev.agentlens.engine.model;

/** Where a session's chain stops verifying (SPEC §3 audit/verify). */
public record ChainBreak(String sessionId, long seq, String reason) {}
