package dev.agentlens.bench.harness;

import dev.agentlens.bench.EventMix;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Maximum sustained ingest: {@code concurrency} requests always in flight, each replaced as soon as
 * it is acknowledged, with fresh events (never a replayed body) so the database grows like a real
 * one. A 503 is backpressure, not an error: the batch is sent again after Retry-After.
 */
final class ClosedLoop implements AutoCloseable {

  /** One segment: events acknowledged, and when the last of them was committed. */
  record Segment(
      long events, double ackSeconds, double commitSeconds, long backpressured, long errors) {
    double ackedPerSecond() {
      return events / ackSeconds;
    }

    double committedPerSecond() {
      return events / commitSeconds;
    }
  }

  private final int concurrency;
  private final int batch;
  private final BlockingQueue<Buffer> ready = new ArrayBlockingQueue<>(256);
  private final Thread producer;
  private volatile boolean closed;

  ClosedLoop(EventMix mix, int concurrency, int batch) {
    this.concurrency = concurrency;
    this.batch = batch;
    this.producer =
        new Thread(
            () -> {
              try {
                while (!closed) {
                  ready.put(Bodies.render(mix.next(batch), null));
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "bench-body-producer");
    producer.setDaemon(true);
    producer.start();
  }

  /**
   * Sends until {@code events} more are acknowledged, then waits until the server's backlog is
   * empty: ackSeconds ends with the last ack, commitSeconds with the empty backlog.
   */
  Segment run(LoadClient client, long events) throws Exception {
    Run r = new Run(client, events);
    long t0 = System.nanoTime();
    client
        .vertx()
        .runOnContext(
            v -> {
              for (int i = 0; i < concurrency; i++) {
                r.next();
              }
            });
    r.done.get(24, TimeUnit.HOURS);
    double ackSeconds = (System.nanoTime() - t0) / 1e9;
    Drained.await(client);
    double commitSeconds = (System.nanoTime() - t0) / 1e9;
    return new Segment(
        r.acked.get(), ackSeconds, commitSeconds, r.backpressured.get(), r.errors.get());
  }

  /** One segment's requests and counts, driven from the client's event loop. */
  private final class Run {
    private final LoadClient client;
    private final long target;
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong backpressured = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    Run(LoadClient client, long target) {
      this.client = client;
      this.target = target;
    }

    void next() {
      if (issued.addAndGet(batch) > target) {
        if (inFlight.get() == 0) {
          done.complete(null);
        }
        return;
      }
      Buffer body = ready.poll();
      if (body == null) {
        // The producer fell behind: take the body on this thread rather than stall the loop.
        try {
          body = ready.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          done.completeExceptionally(e);
          return;
        }
      }
      send(body);
    }

    private void send(Buffer body) {
      inFlight.incrementAndGet();
      client
          .post("/api/events", body)
          .onComplete(
              ar -> {
                inFlight.decrementAndGet();
                if (ar.succeeded() && ar.result().status() == 202) {
                  acked.addAndGet(batch);
                  next();
                } else if (ar.succeeded() && ar.result().status() == 503) {
                  backpressured.incrementAndGet();
                  long wait = retryAfterMillis(ar.result().retryAfter());
                  client.vertx().setTimer(wait, id -> send(body));
                } else {
                  errors.incrementAndGet();
                  Failures.first(ar);
                  next();
                }
              });
    }
  }

  private static long retryAfterMillis(String header) {
    try {
      return header == null ? 100 : Math.max(100, Long.parseLong(header.trim()) * 1000);
    } catch (NumberFormatException e) {
      return 100;
    }
  }

  @Override
  public void close() {
    closed = true;
    producer.interrupt();
  }
}
