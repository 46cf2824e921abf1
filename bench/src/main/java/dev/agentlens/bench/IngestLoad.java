package dev.agentlens.bench;

import dev.agentlens.engine.json.CanonicalJson;
import dev.agentlens.engine.model.IngestEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * Open-loop ingest load: POST /api/events batches at a fixed event rate; each ack latency is
 * measured from the request's intended send time, so a stalled server is not hidden (coordinated
 * omission).
 *
 * <p>{@code java -cp bench/target/agentlens-bench.jar dev.agentlens.bench.IngestLoad --url
 * http://127.0.0.1:3400 --key als_… --rate 25000 --batch 100 --seconds 30}
 */
public final class IngestLoad {

  private IngestLoad() {}

  public static void main(String[] args) throws Exception {
    String url = arg(args, "--url", "http://127.0.0.1:3400");
    String key = arg(args, "--key", "");
    int rate = Integer.parseInt(arg(args, "--rate", "25000"));
    int batch = Integer.parseInt(arg(args, "--batch", "100"));
    int seconds = Integer.parseInt(arg(args, "--seconds", "30"));
    int warmup = Integer.parseInt(arg(args, "--warmup", "5"));
    Result r = run(url, key, rate, batch, seconds, warmup);
    System.out.println(r.describe());
    System.exit(r.errors() == 0 ? 0 : 1);
  }

  /** Latencies in microseconds, from intended start to response. */
  public record Result(
      int rate,
      int batch,
      long ok,
      long errors,
      double p50,
      double p95,
      double p99,
      double max,
      double achievedEventsPerSecond) {
    String describe() {
      return String.format(
          "rate=%d ev/s batch=%d ok=%d errors=%d achieved=%.0f ev/s ack latency ms: p50=%.2f"
              + " p95=%.2f p99=%.2f max=%.2f",
          rate,
          batch,
          ok,
          errors,
          achievedEventsPerSecond,
          p50 / 1000,
          p95 / 1000,
          p99 / 1000,
          max / 1000);
    }
  }

  public static Result run(String url, String key, int rate, int batch, int seconds, int warmup)
      throws Exception {
    EventMix mix = new EventMix(7, "default", 64, 8, Instant.now().minusSeconds(3600));
    int bodies = 200;
    List<String> prepared = new ArrayList<>(bodies);
    for (int i = 0; i < bodies; i++) {
      prepared.add(body(mix.next(batch)));
    }
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4))
            .build();
    URI target = URI.create(url + "/api/events");
    Recorder recorder = new Recorder(3);
    AtomicLong ok = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long intervalNanos = (long) (1e9 * batch / rate);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(warmup + seconds);
    long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
    AtomicLong sent = new AtomicLong();
    List<CompletableFuture<?>> inflight = java.util.Collections.synchronizedList(new ArrayList<>());
    timer.scheduleAtFixedRate(
        () -> {
          long now = System.nanoTime();
          // Catch up on every send slot that has passed: the schedule, not the server, sets pace.
          while (start + sent.get() * intervalNanos <= now
              && start + sent.get() * intervalNanos < end) {
            long intended = start + sent.getAndIncrement() * intervalNanos;
            String b = prepared.get((int) (sent.get() % bodies));
            HttpRequest req =
                HttpRequest.newBuilder(target)
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(b))
                    .build();
            inflight.add(
                client
                    .sendAsync(req, HttpResponse.BodyHandlers.discarding())
                    .whenComplete(
                        (resp, err) -> {
                          long done = System.nanoTime();
                          if (intended < measureFrom) {
                            return;
                          }
                          if (err == null && resp.statusCode() == 202) {
                            ok.incrementAndGet();
                            recorder.recordValue((done - intended) / 1000);
                          } else {
                            if (errors.incrementAndGet() == 1) {
                              System.err.println(
                                  "first error: "
                                      + (err != null ? err : "HTTP " + resp.statusCode()));
                            }
                          }
                        }));
          }
        },
        0,
        Math.max(100_000, intervalNanos / 4),
        TimeUnit.NANOSECONDS);
    while (System.nanoTime() < end) {
      TimeUnit.MILLISECONDS.sleep(100); // the load's own pacing, not waiting for work
    }
    timer.shutdown();
    timer.awaitTermination(5, TimeUnit.SECONDS);
    CompletableFuture.allOf(inflight.toArray(CompletableFuture[]::new))
        .exceptionally(t -> null)
        .get(60, TimeUnit.SECONDS);
    var h = recorder.getIntervalHistogram();
    return new Result(
        rate,
        batch,
        ok.get(),
        errors.get(),
        h.getValueAtPercentile(50),
        h.getValueAtPercentile(95),
        h.getValueAtPercentile(99),
        h.getMaxValue(),
        ok.get() * (double) batch / seconds);
  }

  static String body(List<IngestEvent> events) {
    StringBuilder sb = new StringBuilder(events.size() * 800);
    sb.append("{\"events\":[");
    for (int i = 0; i < events.size(); i++) {
      IngestEvent e = events.get(i);
      sb.append(i == 0 ? "{" : ",{");
      sb.append("\"sessionId\":");
      CanonicalJson.writeString(e.sessionId(), sb);
      sb.append(",\"agentId\":");
      CanonicalJson.writeString(e.agentId(), sb);
      sb.append(",\"eventType\":\"").append(e.eventType().wire()).append('"');
      sb.append(",\"severity\":\"").append(e.severity().wire()).append('"');
      sb.append(",\"timestamp\":\"").append(e.timestamp()).append('"');
      sb.append(",\"payload\":").append(e.payload());
      sb.append(",\"metadata\":").append(e.metadata()).append('}');
    }
    return sb.append("]}").toString();
  }

  private static String arg(String[] args, String name, String dflt) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return dflt;
  }
}
