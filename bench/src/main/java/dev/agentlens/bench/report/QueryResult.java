package dev.agentlens.bench.report;

/** Latency of one query kind at a stored-event count. */
public record QueryResult(
    String name,
    long storedEvents,
    int calls,
    double p50Ms,
    double p95Ms,
    double p99Ms,
    double maxMs) {}
