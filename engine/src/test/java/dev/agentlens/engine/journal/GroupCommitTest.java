package dev.agentlens.engine.journal;

import static dev.agentlens.engine.journal.JournalFixtures.TENANT;
import static dev.agentlens.engine.journal.JournalFixtures.event;
import static dev.agentlens.engine.journal.JournalFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {
  @TempDir Path dir;

  private static void await(Future<?> f) throws Exception {
    f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void durableCompletesAfterASync() throws Exception {
    try (ChronicleJournal journal = ChronicleJournal.open(settings(dir, SyncMode.BATCH, null))) {
      long index = journal.append(TENANT, List.of(event("e", "{}")));
      await(journal.durable(index));
      assertThat(journal.syncCount()).isEqualTo(1);
    }
  }

  @Test
  void requestsPendingDuringASyncShareTheNextOne() throws Exception {
    try (ChronicleJournal journal = ChronicleJournal.open(settings(dir, SyncMode.BATCH, null))) {
      CountDownLatch firstSyncHeld = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      journal.beforeSync(
          () -> {
            if (firstSyncHeld.getCount() > 0) {
              firstSyncHeld.countDown();
              awaitQuietly(release);
            }
          });
      Future<Void> first = journal.durable(journal.append(TENANT, List.of(event("e0", "{}"))));
      assertThat(firstSyncHeld.await(10, TimeUnit.SECONDS)).isTrue();

      int threads = 4;
      int perThread = 25;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<CompletableFuture<List<Future<Void>>>> submitted = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String tag = "t" + t;
        submitted.add(
            CompletableFuture.supplyAsync(
                () -> {
                  List<Future<Void>> fs = new ArrayList<>();
                  for (int i = 0; i < perThread; i++) {
                    long idx = journal.append(TENANT, List.of(event(tag + i, "{}")));
                    fs.add(journal.durable(idx));
                  }
                  return fs;
                },
                pool));
      }
      List<Future<Void>> pending = new ArrayList<>();
      for (CompletableFuture<List<Future<Void>>> s : submitted) {
        pending.addAll(s.get(10, TimeUnit.SECONDS));
      }
      pool.shutdown();
      assertThat(pending).noneMatch(Future::isComplete);

      release.countDown();
      await(first);
      for (Future<Void> f : pending) {
        await(f);
      }
      assertThat(pending).hasSize(threads * perThread).allMatch(Future::succeeded);
      assertThat(journal.syncCount()).isEqualTo(2);
    }
  }

  @Test
  void manyConcurrentRequestsNeedFewerSyncs() throws Exception {
    int threads = 4;
    int perThread = 200;
    try (ChronicleJournal journal = ChronicleJournal.open(settings(dir, SyncMode.BATCH, null))) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<CompletableFuture<Void>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String tag = "t" + t;
        done.add(
            CompletableFuture.runAsync(
                () -> {
                  List<Future<Void>> fs = new ArrayList<>();
                  for (int i = 0; i < perThread; i++) {
                    fs.add(journal.durable(journal.append(TENANT, List.of(event(tag + i, "{}")))));
                  }
                  Future.all(fs).toCompletionStage().toCompletableFuture().join();
                },
                pool));
      }
      CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      pool.shutdown();
      long syncs = journal.syncCount();
      System.out.printf(
          "group commit: %d durable() requests served by %d syncs%n", threads * perThread, syncs);
      assertThat(syncs).isPositive().isLessThan(threads * perThread);
    }
  }

  @Test
  void completesOnTheCallersVertxContext() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (ChronicleJournal journal = ChronicleJournal.open(settings(dir, SyncMode.BATCH, null))) {
      Context context = vertx.getOrCreateContext();
      CompletableFuture<Boolean> onEventLoop = new CompletableFuture<>();
      context.runOnContext(
          v ->
              journal
                  .durable(journal.append(TENANT, List.of(event("e", "{}"))))
                  .onComplete(
                      ar ->
                          onEventLoop.complete(
                              ar.succeeded() && Vertx.currentContext() == context)));
      assertThat(onEventLoop.get(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      await(vertx.close());
    }
  }

  @Test
  void syncsEachCycleTouchedByTheBatch() throws Exception {
    SetTimeProvider clock = new SetTimeProvider(Instant.parse("2026-03-01T10:00:00Z"));
    try (ChronicleJournal journal =
        ChronicleJournal.open(settings(dir, SyncMode.BATCH, "TEST_SECONDLY"), clock)) {
      long a = journal.append(TENANT, List.of(event("a", "{}")));
      clock.advanceMillis(2_000);
      long b = journal.append(TENANT, List.of(event("b", "{}")));
      await(Future.all(journal.durable(b), journal.durable(a)));
      assertThat(journal.syncCount()).isBetween(1L, 2L);
    }
  }

  @Test
  void theReaderReturnsOnlyEntriesAlreadyOnDisk() throws Exception {
    try (ChronicleJournal journal = ChronicleJournal.open(settings(dir, SyncMode.BATCH, null))) {
      CountDownLatch release = new CountDownLatch(1);
      journal.beforeSync(() -> awaitQuietly(release));
      long index = journal.append(TENANT, List.of(event("e", "{}")));
      try (JournalReader reader = journal.reader(-1)) {
        assertThat(reader.next()).isNull(); // appended, not yet synced: it asks for a sync
        assertThat(reader.next()).isNull();
        release.countDown();
        JournalEntry entry = JournalFixtures.pollUntilPresent(reader::next);
        assertThat(entry.index()).isEqualTo(index);
        assertThat(journal.syncCount()).isEqualTo(1);
        // Durable already: no further sync is needed to ack it.
        assertThat(journal.durable(index).succeeded()).isTrue();
        assertThat(journal.syncCount()).isEqualTo(1);
      }
    }
  }

  @Test
  void closeServesPendingRequestsAndRefusesLaterOnes() throws Exception {
    ChronicleJournal journal = ChronicleJournal.open(settings(dir, SyncMode.BATCH, null));
    long index = journal.append(TENANT, List.of(event("e", "{}")));
    Future<Void> pending = journal.durable(index);
    journal.close();
    await(pending);
    Future<Void> late = journal.durable(index + 1);
    assertThat(late.failed()).isTrue();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
