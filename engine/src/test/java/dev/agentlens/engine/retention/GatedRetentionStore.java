package dev.agentlens.engine.retention;

import dev.agentlens.engine.model.ChainAnchor;
import dev.agentlens.engine.model.RetentionChunk;
import dev.agentlens.engine.model.RetentionRun;
import dev.agentlens.engine.store.RetentionStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A real retention store whose purge chunks wait until the test opens the gate. */
final class GatedRetentionStore implements RetentionStore {

  private final RetentionStore delegate;
  private final AtomicReference<Promise<Void>> gate = new AtomicReference<>(Promise.promise());
  private final AtomicInteger chunksWaiting = new AtomicInteger();

  GatedRetentionStore(RetentionStore delegate) {
    this.delegate = delegate;
  }

  void open() {
    gate.get().tryComplete();
  }

  /** Purge chunks that reached the gate so far. */
  int chunksWaiting() {
    return chunksWaiting.get();
  }

  @Override
  public Future<RetentionChunk> purgeChunk(String cutoff, int maxEvents) {
    chunksWaiting.incrementAndGet();
    return gate.get().future().compose(v -> delegate.purgeChunk(cutoff, maxEvents));
  }

  @Override
  public Future<Long> removeEmptySessions() {
    return delegate.removeEmptySessions();
  }

  @Override
  public Future<Void> recordRun(RetentionRun run) {
    return delegate.recordRun(run);
  }

  @Override
  public Future<List<RetentionRun>> runs(int limit) {
    return delegate.runs(limit);
  }

  @Override
  public Future<List<ChainAnchor>> anchors(String tenantId, String sessionId) {
    return delegate.anchors(tenantId, sessionId);
  }

  @Override
  public Future<Long> reclaimSpace(int maxPages) {
    return delegate.reclaimSpace(maxPages);
  }
}
