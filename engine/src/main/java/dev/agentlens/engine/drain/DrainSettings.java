package dev.agentlens.engine.drain;

import java.time.Duration;
import java.util.Objects;

/**
 * How the drainer batches: at most {@code maxBatchEvents} and {@code maxBatchBytes} of journal
 * entries per transaction (one entry may exceed the bytes alone), and transactions started at least
 * {@code maxDelay} apart (the bound on how long an event waits for company).
 */
public record DrainSettings(
    String nodeId, int maxBatchEvents, long maxBatchBytes, Duration maxDelay) {
  public DrainSettings {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (maxBatchEvents < 1) {
      throw new IllegalArgumentException("maxBatchEvents not >= 1");
    }
    if (maxBatchBytes < 1) {
      throw new IllegalArgumentException("maxBatchBytes not >= 1");
    }
    if (maxDelay.isNegative() || maxDelay.isZero()) {
      throw new IllegalArgumentException("maxDelay not > 0");
    }
  }
}
