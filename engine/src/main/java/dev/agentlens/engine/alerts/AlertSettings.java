package dev.agentlens.engine.alerts;

import dev.agentlens.engine.config.AgentLensConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * How the alert engine runs (SPEC §6): the evaluation period, whether webhooks may target private
 * and loopback addresses, and the webhook delivery policy (timeout per attempt, retries after the
 * first attempt, backoff doubling from {@code retryBackoff}).
 */
public record AlertSettings(
    Duration checkInterval,
    boolean allowPrivateTargets,
    Duration webhookTimeout,
    int webhookRetries,
    Duration retryBackoff) {

  public static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(10);
  public static final int WEBHOOK_RETRIES = 3;
  public static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

  public AlertSettings {
    Objects.requireNonNull(checkInterval, "checkInterval");
    Objects.requireNonNull(webhookTimeout, "webhookTimeout");
    Objects.requireNonNull(retryBackoff, "retryBackoff");
    if (checkInterval.toMillis() < 1 || webhookTimeout.toMillis() < 1) {
      throw new IllegalArgumentException("checkInterval and webhookTimeout not >= 1ms");
    }
    if (webhookRetries < 0 || retryBackoff.isNegative()) {
      throw new IllegalArgumentException("webhookRetries and retryBackoff not >= 0");
    }
  }

  public static AlertSettings from(AgentLensConfig.Alerts a) {
    return new AlertSettings(
        a.checkInterval(),
        a.allowPrivateTargets(),
        WEBHOOK_TIMEOUT,
        WEBHOOK_RETRIES,
        RETRY_BACKOFF);
  }
}
