package dev.agentlens.engine.retention;

import dev.agentlens.engine.model.Timestamps;
import dev.agentlens.engine.store.ConfigStore;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The retention policy in days: {@code retentionDays} in config_kv (set by {@code PUT /api/config}
 * and read at each run, so a change needs no restart) wins over {@code retention.days} of the
 * config file. 0 keeps everything. A stored value that is not a whole number in [0, 3650] is
 * ignored (and logged), the config file's value applies.
 */
final class RetentionPolicy {

  /** The config_kv key PUT /api/config writes. */
  static final String KEY = "retentionDays";

  static final int MAX_DAYS = 3650;

  private static final Logger LOG = Logger.getLogger(RetentionPolicy.class.getName());

  private final ConfigStore config;
  private final int configuredDays;

  RetentionPolicy(ConfigStore config, int configuredDays) {
    this.config = config;
    this.configuredDays = configuredDays;
  }

  Future<Integer> days() {
    return config.get(KEY).map(this::effective);
  }

  private int effective(Optional<String> stored) {
    if (stored.isEmpty()) {
      return configuredDays;
    }
    try {
      int days = Integer.parseInt(stored.get().trim());
      if (days >= 0 && days <= MAX_DAYS) {
        return days;
      }
    } catch (NumberFormatException e) {
      // falls through to the configured policy
    }
    LOG.warning(
        "config_kv "
            + KEY
            + " is not a whole number of days in [0,"
            + MAX_DAYS
            + "]; using retention.days="
            + configuredDays);
    return configuredDays;
  }

  /** Events stamped before this instant are expired: {@code days} whole days before {@code now}. */
  static String cutoff(Instant now, int days) {
    return Timestamps.format(now.minus(Duration.ofDays(days)));
  }
}
