package dev.agentlens.engine.retention;

import dev.agentlens.engine.json.UlidGenerator;
import dev.agentlens.engine.model.RetentionRun;
import dev.agentlens.engine.model.Timestamps;
import dev.agentlens.engine.store.ConfigStore;
import dev.agentlens.engine.store.RetentionStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * One retention run at a time (SPEC §7), for the scheduling {@link RetentionEngine} and the CLI's
 * {@code retention run}: read the policy (config_kv first; 0 days = nothing runs, nothing is
 * recorded), record the run's start, purge expired chain prefixes chunk by chunk until the store
 * reports done, remove the sessions left without events, give the freed pages back in small vacuum
 * steps, and record what it did (with the error, if one stopped it). On SQLite every chunk and step
 * is its own short task on the single writer, so drain batches run in between. A stop request ends
 * the run after its current step; it is recorded as unfinished.
 *
 * <p>{@link #run} may be called again for the next run, never while a run is in progress.
 */
public final class RetentionJob {

  private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

  private final RetentionStore store;
  private final RetentionPolicy policy;
  private final RetentionSettings settings;
  private final Clock clock;
  private final BooleanSupplier stopRequested;
  private final Pause pause;
  private final UlidGenerator ids;

  /** Waits between the steps of a run: the writer's time given back to the drainer. */
  @FunctionalInterface
  public interface Pause {
    Future<Void> after(long millis);

    /** A JDK delayed executor, for callers without Vert.x timers (the CLI). */
    static Pause delayed() {
      return millis ->
          millis < 1
              ? Future.succeededFuture()
              : Future.fromCompletionStage(
                  CompletableFuture.runAsync(
                      () -> {}, CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS)));
    }

    /** Vert.x timers. */
    static Pause timers(Vertx vertx) {
      return millis -> {
        if (millis < 1) {
          return Future.succeededFuture();
        }
        Promise<Void> done = Promise.promise();
        vertx.setTimer(millis, id -> done.complete());
        return done.future();
      };
    }
  }

  public RetentionJob(
      RetentionStore store,
      ConfigStore config,
      RetentionSettings settings,
      Clock clock,
      BooleanSupplier stopRequested,
      Pause pause) {
    this.store = store;
    this.policy = new RetentionPolicy(config, settings.days());
    this.settings = settings;
    this.clock = clock;
    this.stopRequested = stopRequested;
    this.pause = pause;
    this.ids = new UlidGenerator(clock, new SecureRandom());
  }

  /** Completes with the run's report; fails only when the run cannot be recorded at all. */
  public Future<RetentionReport> run() {
    Instant started = clock.instant();
    return policy
        .days()
        .compose(
            days ->
                days == 0
                    ? Future.succeededFuture(RetentionReport.disabled())
                    : purge(days, started));
  }

  private Future<RetentionReport> purge(int days, Instant started) {
    Progress p =
        new Progress(ids.next(), Timestamps.format(started), RetentionPolicy.cutoff(started, days));
    return store
        .recordRun(p.snapshot(null, null))
        .compose(v -> purgeChunks(p))
        .compose(v -> stopping() ? Future.succeededFuture() : removeEmptySessions(p))
        .compose(v -> p.eventsDeleted > 0 && !stopping() ? reclaim(p) : Future.succeededFuture())
        .transform(ar -> finish(p, days, ar.failed() ? ar.cause() : null));
  }

  private boolean stopping() {
    return stopRequested.getAsBoolean();
  }

  private Future<Void> purgeChunks(Progress p) {
    if (stopping()) {
      return Future.succeededFuture();
    }
    long began = System.nanoTime();
    return store
        .purgeChunk(p.cutoff, settings.chunkEvents())
        .compose(
            chunk -> {
              p.eventsDeleted += chunk.eventsDeleted();
              p.anchorsWritten += chunk.anchorsWritten();
              return chunk.done()
                  ? Future.succeededFuture()
                  : yieldAfter(began).compose(v -> purgeChunks(p));
            });
  }

  private Future<Void> removeEmptySessions(Progress p) {
    return store
        .removeEmptySessions()
        .map(
            n -> {
              p.sessionsRemoved = n;
              p.complete = true;
              return null;
            });
  }

  /** Vacuum steps until a step frees fewer pages than asked (nothing left) or a stop request. */
  private Future<Void> reclaim(Progress p) {
    int step = settings.reclaimStepPages();
    long began = System.nanoTime();
    return store
        .reclaimSpace(step)
        .compose(
            pages -> {
              p.pagesReclaimed += pages;
              return pages >= step && !stopping()
                  ? yieldAfter(began).compose(v -> reclaim(p))
                  : Future.succeededFuture();
            });
  }

  /**
   * Pauses for {@code yieldRatio} times as long as the step that began at {@code beganNanos} took,
   * so that retention uses at most about 1 / (1 + ratio) of the writer and of a core.
   */
  private Future<Void> yieldAfter(long beganNanos) {
    long tookMillis = (System.nanoTime() - beganNanos) / 1_000_000;
    return pause.after(Math.round(tookMillis * settings.yieldRatio()));
  }

  private Future<RetentionReport> finish(Progress p, int days, Throwable failure) {
    String error =
        failure != null
            ? String.valueOf(failure.getMessage())
            : p.complete ? null : "stopped by shutdown before it finished";
    RetentionRun run = p.snapshot(Timestamps.format(clock.instant()), error);
    return store
        .recordRun(run)
        .map(
            v -> {
              log(run, p);
              return new RetentionReport(run, days, p.pagesReclaimed);
            });
  }

  private static void log(RetentionRun run, Progress p) {
    String summary =
        "retention run "
            + run.id()
            + " (cutoff "
            + run.cutoff()
            + "): "
            + run.eventsDeleted()
            + " events deleted, "
            + run.anchorsWritten()
            + " anchors, "
            + run.sessionsRemoved()
            + " sessions removed, "
            + p.pagesReclaimed
            + " pages reclaimed in "
            + (System.nanoTime() - p.startNanos) / 1_000_000
            + " ms";
    if (run.error() == null) {
      LOG.info(summary);
    } else {
      LOG.warning(summary + "; failed: " + run.error());
    }
  }

  /** The counts of the run in progress (touched only by its own sequential steps). */
  private static final class Progress {
    final String id;
    final String startedAt;
    final String cutoff;
    final long startNanos = System.nanoTime();
    long eventsDeleted;
    long anchorsWritten;
    long sessionsRemoved;
    long pagesReclaimed;
    boolean complete;

    Progress(String id, String startedAt, String cutoff) {
      this.id = id;
      this.startedAt = startedAt;
      this.cutoff = cutoff;
    }

    RetentionRun snapshot(String finishedAt, String error) {
      return new RetentionRun(
          id, startedAt, finishedAt, cutoff, eventsDeleted, anchorsWritten, sessionsRemoved, error);
    }
  }
}
