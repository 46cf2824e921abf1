package dev.agentlens.engine.testing;

import dev.agentlens.engine.model.DrainBatch;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.WriteResult;
import dev.agentlens.engine.store.EventStore;
import io.vertx.core.Future;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Drives an {@link EventStore} from a test thread the way the drainer does: each write is one
 * {@link DrainBatch} with the next journal index of this harness's node, and every call waits for
 * the store's future (never on an event loop).
 */
public final class StoreHarness {
  public static final String DEFAULT_NODE = "node-1";
  private static final long TIMEOUT_SECONDS = 30;

  private final EventStore store;
  private final String nodeId;
  private long journalIndex;

  public StoreHarness(EventStore store) {
    this(store, DEFAULT_NODE);
  }

  public StoreHarness(EventStore store, String nodeId) {
    this.store = Objects.requireNonNull(store, "store");
    this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
  }

  public EventStore store() {
    return store;
  }

  public String nodeId() {
    return nodeId;
  }

  /** The journal index of the last batch this harness sent (0 before any). */
  public long journalIndex() {
    return journalIndex;
  }

  /** Commits the events as one drain batch at the next journal index. */
  public WriteResult write(IngestEvent... events) {
    return write(List.of(events));
  }

  public WriteResult write(List<IngestEvent> events) {
    return await(store.write(new DrainBatch(events, nodeId, ++journalIndex)));
  }

  /** Commits each event in its own drain batch, in order. */
  public void writeEach(IngestEvent... events) {
    for (IngestEvent e : events) {
      write(e);
    }
  }

  /** Sends one batch and returns its failure; fails if the store accepted it. */
  public Throwable writeExpectingFailure(List<IngestEvent> events) {
    return awaitFailure(store.write(new DrainBatch(events, nodeId, ++journalIndex)));
  }

  /** Waits for a store future; a failure is rethrown unchecked with its original cause. */
  public static <T> T await(Future<T> future) {
    try {
      return future
          .toCompletionStage()
          .toCompletableFuture()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the store", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("store did not answer in " + TIMEOUT_SECONDS + " s", e);
    }
  }

  /** Waits for a future that must fail and returns why. */
  public static Throwable awaitFailure(Future<?> future) {
    Object value;
    try {
      value = await(future);
    } catch (RuntimeException | Error e) {
      return e;
    }
    throw new AssertionError("expected the store to fail, but it returned " + value);
  }
}
