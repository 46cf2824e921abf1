package dev.agentlens.bench;

import dev.agentlens.engine.model.DrainBatch;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.store.EventStore;
import dev.agentlens.engine.store.StoreSettings;
import dev.agentlens.engine.store.sqlite.SqliteEventStore;
import dev.agentlens.engine.store.sqlite.SqliteSettings;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CPU cost per event of the SQLite drain write, measured as CPU time of the writer thread (and of
 * the whole process): unlike wall-clock throughput it barely moves when other work shares the
 * cores, so settings can be compared on a busy machine. Args: preload, batches, pragmas,
 * checkpointMs, indexes to drop (comma list), events per batch.
 */
public final class WriteCost {
  private WriteCost() {}

  public static void main(String[] args) throws Exception {
    int preload = Integer.parseInt(args.length > 0 ? args[0] : "300000");
    int batches = Integer.parseInt(args.length > 1 ? args[1] : "30");
    String pragmas = args.length > 2 ? args[2] : "";
    int checkpointMs = Integer.parseInt(args.length > 3 ? args[3] : "0");
    String drop = args.length > 4 ? args[4] : "";
    int batchSize = Integer.parseInt(args.length > 5 ? args[5] : "10000");
    Vertx vertx = Vertx.vertx();
    Path dir = Files.createTempDirectory("writecost");
    Path file = dir.resolve("w.db");
    Map<String, String> p = SqliteSettings.defaultPragmas();
    for (String kv : pragmas.split(",")) {
      if (!kv.isBlank()) {
        p.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
      }
    }
    if (!drop.isBlank()) {
      // Create the schema first, then drop the indexes under test before any data goes in.
      EventStore s0 =
          new SqliteEventStore(vertx, new SqliteSettings(file, p, 1), StoreSettings.defaults());
      s0.start().toCompletionStage().toCompletableFuture().get();
      s0.close().toCompletionStage().toCompletableFuture().get();
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
          Statement st = c.createStatement()) {
        for (String idx : drop.split(",")) {
          st.execute("DROP INDEX " + idx);
        }
      }
    }
    EventStore store =
        new SqliteEventStore(
            vertx,
            new SqliteSettings(file, p, 1, Duration.ofMillis(checkpointMs)),
            StoreSettings.defaults());
    store.start().toCompletionStage().toCompletableFuture().get();
    EventMix mix = new EventMix(42, "default", 60, 8, Instant.parse("2026-01-01T00:00:00Z"));
    long idx = 0;
    for (int done = 0; done < preload; done += 10_000) {
      store
          .write(new DrainBatch(mix.next(10_000), "b", idx++))
          .toCompletionStage()
          .toCompletableFuture()
          .get();
    }
    List<List<IngestEvent>> work = new ArrayList<>();
    for (int i = 0; i < batches; i++) {
      work.add(mix.next(batchSize));
    }
    Thread writer =
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("agentlens-sqlite-writer"))
            .findFirst()
            .orElseThrow();
    var mx = ManagementFactory.getThreadMXBean();
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = mx.getThreadCpuTime(writer.getId());
    long proc0 = os.getProcessCpuTime();
    long wall0 = System.nanoTime();
    for (List<IngestEvent> b : work) {
      store.write(new DrainBatch(b, "b", idx++)).toCompletionStage().toCompletableFuture().get();
    }
    long wall = System.nanoTime() - wall0;
    long cpu = mx.getThreadCpuTime(writer.getId()) - cpu0;
    long proc = os.getProcessCpuTime() - proc0;
    double events = batches * (double) batchSize;
    System.out.printf(
        "preload=%d batch=%d pragmas=[%s] checkpointMs=%d drop=[%s]: writer CPU %.2f us/event (=%.0f ev/s"
            + " on one free core), process CPU %.2f us/event, wall %.0f ev/s%n",
        preload,
        batchSize,
        pragmas,
        checkpointMs,
        drop,
        cpu / events / 1000,
        events / (cpu / 1e9),
        proc / events / 1000,
        events / (wall / 1e9));
    store.close().toCompletionStage().toCompletableFuture().get();
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }
}
