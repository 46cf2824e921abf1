package dev.agentlens.engine.retention;

import dev.agentlens.engine.config.AgentLensConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * How retention runs (SPEC §7): the configured policy in days (0 keeps everything; {@code config_kv
 * retentionDays} overrides it at run time), how often it runs by itself and how soon after start
 * the first run comes, events per purge transaction, free pages given back per vacuum step, and how
 * long it pauses after each step relative to the step's duration.
 */
public record RetentionSettings(
    int days,
    Duration interval,
    Duration firstRunDelay,
    int chunkEvents,
    int reclaimStepPages,
    double yieldRatio) {

  /**
   * The first scheduled run comes this long after start (or after one interval, if shorter): soon
   * enough that a server restarted daily still purges, late enough that a restart loop or a short
   * test run does not start a purge on every start.
   */
  public static final Duration FIRST_RUN_DELAY = Duration.ofMinutes(5);

  /** 512 pages of 8 KiB: a few milliseconds of the writer per vacuum step. */
  public static final int RECLAIM_STEP_PAGES = 512;

  /**
   * After each purge chunk or vacuum step, retention waits nine times as long as the step took: at
   * most a tenth of the writer (and of a core) goes to a large purge, the rest stays with the
   * drainer and the HTTP verticles. Measured on 2 cores (RetentionPurgeLatencyIT, 500k events):
   * with 1.0 the ack P95 under the purge reached 2.2x its idle value on a slow disk; on a fast one
   * (an 8 KiB O_DSYNC write in 0.13 ms) the purge ran so much faster that 3.0 still gave 2.3x (6.1
   * vs 2.6 ms, purge 17.6 s), and 9.0 gives 1.4x (3.9 vs 2.8 ms, purge 42.9 s).
   */
  public static final double YIELD_RATIO = 9.0;

  public RetentionSettings {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(firstRunDelay, "firstRunDelay");
    if (days < 0) {
      throw new IllegalArgumentException("days not >= 0");
    }
    if (interval.toMillis() < 1 || firstRunDelay.toMillis() < 1) {
      throw new IllegalArgumentException("interval and firstRunDelay not >= 1ms");
    }
    if (chunkEvents < 1 || reclaimStepPages < 1) {
      throw new IllegalArgumentException("chunkEvents and reclaimStepPages not >= 1");
    }
    if (!(yieldRatio >= 0) || Double.isInfinite(yieldRatio)) {
      throw new IllegalArgumentException("yieldRatio not >= 0");
    }
  }

  public static RetentionSettings from(AgentLensConfig.Retention r) {
    Duration first = r.interval().compareTo(FIRST_RUN_DELAY) < 0 ? r.interval() : FIRST_RUN_DELAY;
    return new RetentionSettings(
        r.days(), r.interval(), first, r.chunkEvents(), RECLAIM_STEP_PAGES, YIELD_RATIO);
  }
}
