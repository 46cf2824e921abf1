package dev.agentlens.bench.harness;

import dev.agentlens.bench.report.RatePoint;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Ingest at a fixed event rate whatever the server does. Each ack latency runs from the request's
 * intended send time, not its actual one, so a stalled server shows up in the latencies instead of
 * silently lowering the offered load (coordinated omission). Optionally the ack → queryable lag is
 * probed: one reader at a time takes the last event of the next acknowledged batch and polls {@code
 * GET /api/events/:id} every 2 ms until it is there. One at a time, so the probing cannot itself
 * load the server (many concurrent pollers starve the drainer and feed back into the lag).
 */
final class OpenLoop {
  private static final long PROBE_POLL_MS = 2;
  private static final long PROBE_GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(60);

  /** Latencies in microseconds. */
  record Result(
      int rate,
      int batch,
      double seconds,
      long requests,
      long errors,
      long ackedEvents,
      Histogram ack,
      Histogram lag,
      long lagTimeouts) {
    double achievedEventsPerSecond() {
      return requests * (double) batch / seconds;
    }

    /** This rate's row of the report, with the server's figures over the same window. */
    RatePoint point(ProcessStats.Window server) {
      return new RatePoint(
          rate,
          achievedEventsPerSecond(),
          requests,
          errors,
          QueryProbe.ms(ack.getValueAtPercentile(50)),
          QueryProbe.ms(ack.getValueAtPercentile(95)),
          QueryProbe.ms(ack.getValueAtPercentile(99)),
          QueryProbe.ms(ack.getMaxValue()),
          server.cpuCores(),
          server.peakRssMiB());
    }
  }

  /** One line per rate on the console. */
  static void print(RatePoint p) {
    System.out.printf(
        Locale.ROOT,
        "rate %,6d ev/s: achieved %,.0f  ack P50 %.2f  P95 %.2f  P99 %.2f  max %.2f ms"
            + "  server %.2f cores, peak RSS %d MiB%n",
        p.offeredEventsPerSecond(),
        p.achievedEventsPerSecond(),
        p.p50Ms(),
        p.p95Ms(),
        p.p99Ms(),
        p.maxMs(),
        p.serverCpuCores(),
        p.serverPeakRssMiB());
  }

  private OpenLoop() {}

  static Result run(
      LoadClient client,
      List<Buffer> bodies,
      int rate,
      int batch,
      double warmupSeconds,
      double seconds,
      boolean probeLag)
      throws Exception {
    Recorder ack = new Recorder(3);
    Recorder lag = new Recorder(3);
    AtomicLong ok = new AtomicLong();
    AtomicLong ackedEvents = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong lagTimeouts = new AtomicLong();
    AtomicLong outstanding = new AtomicLong();
    long interval = (long) (1e9 * batch / rate);
    long start = System.nanoTime();
    long measureFrom = start + (long) (warmupSeconds * 1e9);
    long end = measureFrom + (long) (seconds * 1e9);
    CompletableFuture<Void> done = new CompletableFuture<>();
    long[] sent = {0};
    // Touched only on the client's single event loop.
    boolean[] ended = {false};
    boolean[] probing = {false};
    var vertx = client.vertx();
    long timer =
        vertx.setPeriodic(
            1,
            id -> {
              long now = System.nanoTime();
              // Catch up on every send slot that has passed: the schedule sets the pace.
              while (start + sent[0] * interval <= now && start + sent[0] * interval < end) {
                long intended = start + sent[0] * interval;
                Buffer body = bodies.get((int) (sent[0]++ % bodies.size()));
                boolean measured = intended >= measureFrom;
                outstanding.incrementAndGet();
                client
                    .post("/api/events", body)
                    .onComplete(
                        ar -> {
                          long t = System.nanoTime();
                          if (ar.succeeded() && ar.result().status() == 202) {
                            ackedEvents.addAndGet(batch);
                          }
                          if (measured) {
                            if (ar.succeeded() && ar.result().status() == 202) {
                              ok.incrementAndGet();
                              ack.recordValue(Math.max(1, (t - intended) / 1000));
                            } else {
                              errors.incrementAndGet();
                              Failures.first(ar);
                            }
                          }
                          if (probeLag
                              && measured
                              && !probing[0]
                              && ar.succeeded()
                              && ar.result().status() == 202) {
                            probing[0] = true;
                            outstanding.incrementAndGet();
                            String lastId = Bodies.lastId(ar.result().body());
                            poll(client, lastId, t, lag, lagTimeouts)
                                .onComplete(
                                    x -> {
                                      probing[0] = false;
                                      finished(outstanding, ended, done);
                                    });
                          }
                          finished(outstanding, ended, done);
                        });
              }
              if (now >= end && !ended[0]) {
                vertx.cancelTimer(id);
                ended[0] = true;
                if (outstanding.get() == 0) {
                  done.complete(null);
                }
              }
            });
    done.get(10, TimeUnit.MINUTES);
    vertx.cancelTimer(timer);
    return new Result(
        rate,
        batch,
        seconds,
        ok.get(),
        errors.get(),
        ackedEvents.get(),
        ack.getIntervalHistogram(),
        lag.getIntervalHistogram(),
        lagTimeouts.get());
  }

  /** Done once the schedule has ended and every request and probe has finished. */
  private static void finished(
      AtomicLong outstanding, boolean[] ended, CompletableFuture<Void> done) {
    if (outstanding.decrementAndGet() == 0 && ended[0]) {
      done.complete(null);
    }
  }

  private static io.vertx.core.Future<Void> poll(
      LoadClient client, String id, long ackedAt, Recorder lag, AtomicLong timeouts) {
    Promise<Void> p = Promise.promise();
    pollOnce(client, id, ackedAt, lag, timeouts, p);
    return p.future();
  }

  private static void pollOnce(
      LoadClient client,
      String id,
      long ackedAt,
      Recorder lag,
      AtomicLong timeouts,
      Promise<Void> p) {
    client
        .get("/api/events/" + id)
        .onComplete(
            ar -> {
              long t = System.nanoTime();
              if (ar.succeeded() && ar.result().status() == 200) {
                lag.recordValue(Math.max(1, (t - ackedAt) / 1000));
                p.complete();
              } else if (t - ackedAt > PROBE_GIVE_UP_NANOS) {
                timeouts.incrementAndGet();
                p.complete();
              } else {
                client
                    .vertx()
                    .setTimer(PROBE_POLL_MS, x -> pollOnce(client, id, ackedAt, lag, timeouts, p));
              }
            });
  }
}
