package dev.agentlens.bench.report;

/** One open-loop step of the offered-rate sweep. Latencies in ms. */
public record RatePoint(
    int offeredEventsPerSecond,
    double achievedEventsPerSecond,
    long requests,
    long errors,
    double p50Ms,
    double p95Ms,
    double p99Ms,
    double maxMs,
    double serverCpuCores,
    long serverPeakRssMiB) {}
