package dev.agentlens.bench;

import dev.agentlens.engine.model.DrainBatch;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.store.EventStore;
import dev.agentlens.engine.store.StoreSettings;
import dev.agentlens.engine.store.sqlite.SqliteEventStore;
import dev.agentlens.engine.store.sqlite.SqliteSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code EventStore.write(batch)} on SQLite into a database that already holds {@code preload}
 * events (seed's indexes present, ~600-byte payloads, 60 sessions, 8 agents). Score = events/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public class SqliteWriteBenchmark {

  static final int BATCH = 10_000;

  @Param({"1000000"})
  public int preload;

  /** Extra pragmas, "name=value,name=value", to compare settings in one run. */
  @Param({""})
  public String pragmas;

  /** Background WAL checkpoint interval; 0 = SQLite's automatic checkpoints in the writer. */
  @Param({"0"})
  public int checkpointMs;

  private Vertx vertx;
  private Path dir;
  private EventStore store;
  private EventMix mix;
  private long journalIndex;
  private List<IngestEvent> next;

  @Setup(Level.Trial)
  public void open() throws Exception {
    vertx = Vertx.vertx();
    dir = Files.createTempDirectory("agentlens-bench");
    Map<String, String> p = SqliteSettings.defaultPragmas();
    for (String kv : pragmas.split(",")) {
      if (!kv.isBlank()) {
        p.put(kv.substring(0, kv.indexOf('=')).trim(), kv.substring(kv.indexOf('=') + 1).trim());
      }
    }
    store =
        new SqliteEventStore(
            vertx,
            new SqliteSettings(dir.resolve("bench.db"), p, 2, Duration.ofMillis(checkpointMs)),
            StoreSettings.defaults());
    await(store.start());
    mix = new EventMix(42, "default", 60, 8, Instant.parse("2026-01-01T00:00:00Z"));
    for (int done = 0; done < preload; done += BATCH) {
      await(store.write(new DrainBatch(mix.next(BATCH), "bench", journalIndex++)));
    }
  }

  @Setup(Level.Invocation)
  public void prepare() {
    next = mix.next(BATCH);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Object writeBatch() throws Exception {
    return await(store.write(new DrainBatch(next, "bench", journalIndex++)));
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    await(store.close());
    await(vertx.close());
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
  }
}
