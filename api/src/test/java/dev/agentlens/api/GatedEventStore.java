package dev.agentlens.api;

import dev.agentlens.engine.model.DrainBatch;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.WriteResult;
import dev.agentlens.engine.store.AgentReads;
import dev.agentlens.engine.store.AlertStore;
import dev.agentlens.engine.store.AnalyticsReads;
import dev.agentlens.engine.store.ApiKeyStore;
import dev.agentlens.engine.store.ConfigStore;
import dev.agentlens.engine.store.EventReads;
import dev.agentlens.engine.store.EventStore;
import dev.agentlens.engine.store.RetentionStore;
import dev.agentlens.engine.store.SessionReads;
import dev.agentlens.engine.store.StatsReads;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;

/** The real store with a gate in front of drain writes, to hold the drainer back in a test. */
final class GatedEventStore implements EventStore {
  private final EventStore delegate;
  private final java.util.concurrent.Executor completions;
  private volatile Promise<Void> gate = Promise.promise();
  private volatile java.util.function.Predicate<DrainBatch> refused = batch -> false;

  /** System.nanoTime of each drain write that carried events, in call order. */
  final java.util.List<Long> writeStarts = new java.util.concurrent.CopyOnWriteArrayList<>();

  GatedEventStore(EventStore delegate) {
    this(delegate, null);
  }

  /** Drain writes complete on {@code completions}, a thread that is none of Vert.x's. */
  GatedEventStore(EventStore delegate, java.util.concurrent.Executor completions) {
    this.delegate = delegate;
    this.completions = completions;
    gate.complete();
  }

  /** A store decorator for {@link TestServer#start} that wraps the real store and keeps it here. */
  static java.util.function.UnaryOperator<EventStore> into(
      java.util.concurrent.atomic.AtomicReference<GatedEventStore> holder) {
    return real -> {
      holder.set(new GatedEventStore(real));
      return holder.get();
    };
  }

  void hold() {
    gate = Promise.promise();
  }

  void release() {
    gate.tryComplete();
  }

  /** From now on, drain writes of the batches matching {@code p} fail as a database refusal. */
  void refuse(java.util.function.Predicate<DrainBatch> p) {
    refused = p;
  }

  /** Events in each drain write that carried events, in call order. */
  final java.util.List<Integer> writeSizes = new java.util.concurrent.CopyOnWriteArrayList<>();

  @Override
  public Future<WriteResult> write(DrainBatch batch) {
    if (!batch.events().isEmpty()) {
      writeStarts.add(System.nanoTime());
      writeSizes.add(batch.events().size());
    }
    Future<WriteResult> written =
        gate.future()
            .compose(
                v ->
                    refused.test(batch)
                        ? Future.failedFuture(new IllegalArgumentException("refused by the test"))
                        : delegate.write(batch));
    if (completions == null) {
      return written;
    }
    Promise<WriteResult> handedOver = Promise.promise();
    written.onComplete(ar -> completions.execute(() -> handedOver.handle(ar)));
    return handedOver.future();
  }

  @Override
  public Future<Void> start() {
    return delegate.start();
  }

  @Override
  public Future<Long> checkpoint(String nodeId) {
    return delegate.checkpoint(nodeId);
  }

  @Override
  public Future<Void> deadLetter(List<IngestEvent> events, String reason) {
    return delegate.deadLetter(events, reason);
  }

  /** Wraps the event reads handed out from now on (a test's way to make a read fail). */
  volatile java.util.function.UnaryOperator<EventReads> reads = r -> r;

  @Override
  public EventReads events() {
    return reads.apply(delegate.events());
  }

  @Override
  public SessionReads sessions() {
    return delegate.sessions();
  }

  @Override
  public AgentReads agents() {
    return delegate.agents();
  }

  @Override
  public AnalyticsReads analytics() {
    return delegate.analytics();
  }

  @Override
  public AlertStore alerts() {
    return delegate.alerts();
  }

  @Override
  public RetentionStore retention() {
    return delegate.retention();
  }

  @Override
  public StatsReads stats() {
    return delegate.stats();
  }

  @Override
  public ConfigStore config() {
    return delegate.config();
  }

  @Override
  public ApiKeyStore keys() {
    return delegate.keys();
  }

  @Override
  public Future<Void> ping() {
    return delegate.ping();
  }

  @Override
  public Future<Void> close() {
    return delegate.close();
  }
}
