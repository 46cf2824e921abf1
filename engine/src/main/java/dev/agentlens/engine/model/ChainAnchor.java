package dev.agentlens.engine.model;

/**
 * The verified start of a session whose chain prefix retention purged: the remaining chain
 * continues from {@code lastHash} at {@code lastSeq + 1}.
 */
public record ChainAnchor(
    String tenantId,
    String sessionId,
    String firstPrevHash,
    String lastHash,
    long lastSeq,
    long eventCount,
    String segmentDigest,
    String tsMin,
    String tsMax,
    String createdAt) {}
