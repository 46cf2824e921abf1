package dev.agentlens.engine.alerts;

/**
 * What one evaluation cycle did; {@code skipped} when it did not run because the previous cycle was
 * still running.
 */
public record CycleReport(
    boolean skipped,
    int rulesEvaluated,
    int triggered,
    int deduplicated,
    int resolved,
    int failures) {

  public static final CycleReport SKIPPED = new CycleReport(true, 0, 0, 0, 0, 0);
}
