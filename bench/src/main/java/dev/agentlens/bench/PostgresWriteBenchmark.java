package dev.agentlens.bench;

import dev.agentlens.engine.model.DrainBatch;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.store.EventStore;
import dev.agentlens.engine.store.StoreSettings;
import dev.agentlens.engine.store.postgres.PostgresEventStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
 * {@code EventStore.write(batch)} on PostgreSQL into a database that already holds {@code preload}
 * events (the seed's indexes present, ~600-byte payloads, 60 sessions, 8 agents), exactly as {@link
 * SqliteWriteBenchmark} does on SQLite. Score = committed events/s. The server is {@code url}
 * (default: env {@code AGENTLENS_BENCH_PG_URL}, else {@code AGENTLENS_TEST_PG_URL}, else the local
 * {@code postgresql://postgres@127.0.0.1:5432/test}); the run works in a fresh schema it drops
 * afterwards.
 *
 * <p>Measured on the development VM (PostgreSQL 15 with default settings on the same 2 shared
 * vCPUs, {@code -wi 2 -i 5 -p preload=1000000}): 30.5k–32.6k events/s across runs (±3–5k per run);
 * ~35k at preload=200000. The goal is 30k events/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public class PostgresWriteBenchmark {

  static final int BATCH = 10_000;

  @Param({"1000000"})
  public int preload;

  /** Empty: from the environment (see the class comment). */
  @Param({""})
  public String url;

  private Vertx vertx;
  private String base;
  private String schema;
  private EventStore store;
  private EventMix mix;
  private long journalIndex;
  private List<IngestEvent> next;

  @Setup(Level.Trial)
  public void open() throws Exception {
    vertx = Vertx.vertx();
    base = url.isBlank() ? defaultUrl() : url;
    schema = "agentlens_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    admin("CREATE SCHEMA " + schema);
    store =
        new PostgresEventStore(
            vertx,
            base + (base.contains("?") ? "&" : "?") + "search_path=" + schema,
            8,
            Duration.ofMinutes(5),
            StoreSettings.defaults());
    await(store.start());
    mix = new EventMix(42, "default", 60, 8, Instant.parse("2026-01-01T00:00:00Z"));
    for (int done = 0; done < preload; done += BATCH) {
      await(store.write(new DrainBatch(mix.next(BATCH), "bench", journalIndex++)));
    }
    // Fresh statistics, as autovacuum would have gathered them on a long-lived database.
    admin("ANALYZE " + schema + ".events");
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
    admin("DROP SCHEMA " + schema + " CASCADE");
    await(vertx.close());
  }

  private static String defaultUrl() {
    String env = System.getenv("AGENTLENS_BENCH_PG_URL");
    if (env == null || env.isBlank()) {
      env = System.getenv("AGENTLENS_TEST_PG_URL");
    }
    return env == null || env.isBlank() ? "postgresql://postgres@127.0.0.1:5432/test" : env;
  }

  private void admin(String sql) throws Exception {
    PgConnectOptions options = PgConnectOptions.fromUri(base);
    Map<String, String> props = new HashMap<>(PgConnectOptions.DEFAULT_PROPERTIES);
    props.putAll(options.getProperties());
    options.setProperties(props);
    await(
        PgConnection.connect(vertx, options)
            .compose(c -> c.query(sql).execute().eventually(c::close)));
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
  }
}
