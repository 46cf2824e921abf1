package dev.agentlens.engine.alerts;

import java.util.concurrent.atomic.LongAdder;

/** Counters of the alert engine (for /metrics and tests); counters, not logs, per delivery. */
public final class AlertMetrics {
  private final LongAdder cycles = new LongAdder();
  private final LongAdder cyclesSkipped = new LongAdder();
  private final LongAdder triggered = new LongAdder();
  private final LongAdder resolved = new LongAdder();
  private final LongAdder evaluationFailures = new LongAdder();
  private final LongAdder webhooksDelivered = new LongAdder();
  private final LongAdder webhooksFailed = new LongAdder();
  private final LongAdder webhooksRefused = new LongAdder();
  private final LongAdder webhookRetries = new LongAdder();

  void cycle(CycleReport r) {
    if (r.skipped()) {
      cyclesSkipped.increment();
      return;
    }
    cycles.increment();
    triggered.add(r.triggered());
    resolved.add(r.resolved());
    evaluationFailures.add(r.failures());
  }

  void delivered() {
    webhooksDelivered.increment();
  }

  void failed() {
    webhooksFailed.increment();
  }

  void refused() {
    webhooksRefused.increment();
  }

  void retried() {
    webhookRetries.increment();
  }

  public long cycles() {
    return cycles.sum();
  }

  public long cyclesSkipped() {
    return cyclesSkipped.sum();
  }

  public long triggered() {
    return triggered.sum();
  }

  public long resolved() {
    return resolved.sum();
  }

  public long evaluationFailures() {
    return evaluationFailures.sum();
  }

  /** Webhook POSTs answered with a 2xx. */
  public long webhooksDelivered() {
    return webhooksDelivered.sum();
  }

  /** Webhooks given up after their retries (or refused by the receiver with a 4xx). */
  public long webhooksFailed() {
    return webhooksFailed.sum();
  }

  /** Webhooks not sent because the target is a private, loopback or link-local address. */
  public long webhooksRefused() {
    return webhooksRefused.sum();
  }

  public long webhookRetries() {
    return webhookRetries.sum();
  }
}
