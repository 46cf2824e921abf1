package dev.agentlens.engine.retention;

import dev.agentlens.engine.store.ConfigStore;
import dev.agentlens.engine.store.RetentionStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Retention that runs by itself (SPEC §7): a {@link RetentionJob} every {@code interval}, the first
 * one shortly after start, and on demand, one run at a time.
 *
 * <p>On-demand runs arrive on the local event bus at {@link #RUN_ADDRESS} (the reply is the {@link
 * RetentionReport}) or through {@link #runNow}; they queue behind a run in progress, so a policy
 * changed just before is honoured. A scheduled tick that finds a run in progress or queued is
 * skipped. Undeploying ends a run in progress after its current step.
 */
public final class RetentionEngine extends VerticleBase {

  /** Local event-bus address of an on-demand run; the reply body is its {@link RetentionReport}. */
  public static final String RUN_ADDRESS = "agentlens.retention.run";

  private static final Logger LOG = Logger.getLogger(RetentionEngine.class.getName());

  private final RetentionStore store;
  private final ConfigStore config;
  private final Clock clock;
  private final RetentionSettings settings;
  private RetentionJob job;
  private final AtomicInteger pending = new AtomicInteger();
  private volatile boolean stopping;
  private Future<RetentionReport> tail = Future.succeededFuture(RetentionReport.disabled());
  private MessageConsumer<Object> consumer;
  private boolean codecRegistered;
  private long timer = -1;

  public RetentionEngine(
      RetentionStore store, ConfigStore config, RetentionSettings settings, Clock clock) {
    this.store = store;
    this.config = config;
    this.clock = clock;
    this.settings = settings;
  }

  @Override
  public Future<?> start() {
    job =
        new RetentionJob(
            store, config, settings, clock, () -> stopping, RetentionJob.Pause.timers(vertx));
    try {
      vertx
          .eventBus()
          .registerDefaultCodec(RetentionReport.class, new LocalCodec<>(RetentionReport.class));
      codecRegistered = true;
    } catch (IllegalStateException alreadyRegistered) {
      // another engine on this Vert.x instance registered it
    }
    consumer = vertx.eventBus().localConsumer(RUN_ADDRESS, this::onRequest);
    timer =
        vertx.setPeriodic(
            settings.firstRunDelay().toMillis(), settings.interval().toMillis(), id -> scheduled());
    return consumer.completion();
  }

  /** Stops scheduling; a run in progress stops after its current step and is recorded as such. */
  @Override
  public Future<?> stop() {
    stopping = true;
    vertx.cancelTimer(timer);
    return consumer
        .unregister()
        .transform(ar -> tail.<Void>transform(run -> Future.succeededFuture()))
        .andThen(
            ar -> {
              if (codecRegistered) {
                vertx.eventBus().unregisterDefaultCodec(RetentionReport.class);
              }
            });
  }

  /** Runs retention now, after any run in progress; completes with this run's report. */
  public Future<RetentionReport> runNow() {
    Promise<RetentionReport> done = Promise.promise();
    context.runOnContext(v -> enqueue().onComplete(done));
    return done.future();
  }

  private void onRequest(Message<Object> request) {
    enqueue()
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                request.reply(ar.result());
              } else {
                request.fail(500, String.valueOf(ar.cause().getMessage()));
              }
            });
  }

  private void scheduled() {
    if (pending.get() > 0) {
      LOG.fine("scheduled retention run skipped: a run is in progress");
      return;
    }
    enqueue().onFailure(e -> LOG.log(Level.WARNING, "scheduled retention run failed", e));
  }

  /** Chains a run behind the previous one (on this verticle's context). */
  private Future<RetentionReport> enqueue() {
    if (stopping) {
      return Future.failedFuture(new IllegalStateException("retention engine is stopping"));
    }
    pending.incrementAndGet();
    Future<RetentionReport> next =
        tail.transform(previous -> job.run()).andThen(ar -> pending.decrementAndGet());
    tail = next;
    return next;
  }
}
