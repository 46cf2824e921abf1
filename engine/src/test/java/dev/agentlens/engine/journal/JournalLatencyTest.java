package dev.agentlens.engine.journal;

import static dev.agentlens.engine.journal.JournalFixtures.TENANT;
import static dev.agentlens.engine.journal.JournalFixtures.batch;
import static dev.agentlens.engine.journal.JournalFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.engine.model.IngestEvent;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quick look at append and durability latency, printed, never asserted (the JMH benchmark in
 * bench/ is the real measurement). Entries are 100 events with ~600-byte payloads.
 */
class JournalLatencyTest {
  private static final int WARMUP = 2_000;
  private static final int MEASURED = 2_000;

  @TempDir Path dir;

  private static String summary(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).average().orElse(0) / 1_000;
    return String.format(
        "mean %.1f µs, p50 %.1f µs, p99 %.1f µs, max %.1f µs",
        mean,
        sorted[sorted.length / 2] / 1_000.0,
        sorted[(int) (sorted.length * 0.99)] / 1_000.0,
        sorted[sorted.length - 1] / 1_000.0);
  }

  @Test
  void appendLatencyWithSyncNone() {
    List<IngestEvent> entry = batch("e", 100, 600);
    try (ChronicleJournal journal = ChronicleJournal.open(settings(dir, SyncMode.NONE, null))) {
      journal.prepareAppender();
      for (int i = 0; i < WARMUP; i++) {
        journal.append(TENANT, entry);
      }
      long[] nanos = new long[MEASURED];
      for (int i = 0; i < MEASURED; i++) {
        long t0 = System.nanoTime();
        journal.append(TENANT, entry);
        nanos[i] = System.nanoTime() - t0;
      }
      System.out.println("journal append, sync=none, 100 events x ~600 B: " + summary(nanos));
      assertThat(journal.lastIndex()).isNotNegative();
    }
  }

  @Test
  void durableLatencyWithSyncBatch() throws Exception {
    List<IngestEvent> entry = batch("e", 100, 600);
    try (ChronicleJournal journal = ChronicleJournal.open(settings(dir, SyncMode.BATCH, null))) {
      journal.prepareAppender();
      for (int i = 0; i < 200; i++) {
        await(journal.durable(journal.append(TENANT, entry)));
      }
      int n = 500;
      long[] append = new long[n];
      long[] durable = new long[n];
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        long index = journal.append(TENANT, entry);
        long t1 = System.nanoTime();
        await(journal.durable(index));
        append[i] = t1 - t0;
        durable[i] = System.nanoTime() - t1;
      }
      System.out.println("journal append, sync=batch, one writer: " + summary(append));
      System.out.println("journal durable wait, sync=batch, one writer: " + summary(durable));
      concurrentBatch(journal, entry);
    }
  }

  private static void concurrentBatch(ChronicleJournal journal, List<IngestEvent> entry)
      throws Exception {
    int threads = 4;
    int perThread = 250;
    long syncsBefore = journal.syncCount();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<CompletableFuture<long[]>> results = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      results.add(
          CompletableFuture.supplyAsync(
              () -> {
                long[] ack = new long[perThread];
                for (int i = 0; i < perThread; i++) {
                  long s = System.nanoTime();
                  await(journal.durable(journal.append(TENANT, entry)));
                  ack[i] = System.nanoTime() - s;
                }
                return ack;
              },
              pool));
    }
    long[] all = new long[threads * perThread];
    for (int t = 0; t < threads; t++) {
      System.arraycopy(results.get(t).get(60, TimeUnit.SECONDS), 0, all, t * perThread, perThread);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    System.out.printf(
        "journal append+durable, sync=batch, %d writers: %s; %.0f entries/s (%.0f events/s),"
            + " %d syncs for %d entries%n",
        threads,
        summary(all),
        all.length / seconds,
        all.length * 100 / seconds,
        journal.syncCount() - syncsBefore,
        all.length);
  }

  private static void await(Future<?> f) {
    try {
      f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
