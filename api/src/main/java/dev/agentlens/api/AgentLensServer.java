package dev.agentlens.api;

import dev.agentlens.api.auth.ApiKeyCache;
import dev.agentlens.api.events.CommitWaiters;
import dev.agentlens.api.http.HttpDeps;
import dev.agentlens.api.http.HttpVerticle;
import dev.agentlens.engine.alerts.AlertEngine;
import dev.agentlens.engine.alerts.AlertSettings;
import dev.agentlens.engine.config.AgentLensConfig;
import dev.agentlens.engine.drain.CommitFanout;
import dev.agentlens.engine.drain.DrainSettings;
import dev.agentlens.engine.drain.DrainerVerticle;
import dev.agentlens.engine.journal.ChronicleJournal;
import dev.agentlens.engine.journal.JournalSettings;
import dev.agentlens.engine.json.UlidGenerator;
import dev.agentlens.engine.metrics.IngestMetrics;
import dev.agentlens.engine.retention.RetentionEngine;
import dev.agentlens.engine.retention.RetentionSettings;
import dev.agentlens.engine.store.EventStore;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * The composition root of a running server: store, journal, drainer, HTTP verticles. Startup runs
 * on the caller's thread (never an event loop), so it may block until each part is up.
 */
public final class AgentLensServer {

  private static final Logger LOG = Logger.getLogger(AgentLensServer.class.getName());

  private final Vertx vertx;
  private final EventStore store;
  private final ChronicleJournal journal;
  private final IngestMetrics metrics;
  private final ApiKeyCache keys;
  private final JournalLock lock;
  private final int port;
  private String drainerId;
  private String retentionId;
  private String alertsId;
  private AlertEngine alertEngine;
  private String httpId;

  private AgentLensServer(
      Vertx vertx,
      EventStore store,
      ChronicleJournal journal,
      IngestMetrics metrics,
      ApiKeyCache keys,
      JournalLock lock,
      int port) {
    this.vertx = vertx;
    this.lock = lock;
    this.store = store;
    this.journal = journal;
    this.metrics = metrics;
    this.keys = keys;
    this.port = port;
  }

  /** Starts with the configured store. */
  public static AgentLensServer start(AgentLensConfig config) throws Exception {
    return start(config, UnaryOperator.identity());
  }

  /**
   * @param storeDecorator lets tests wrap the real store (e.g. to hold the drainer back)
   */
  public static AgentLensServer start(
      AgentLensConfig config, UnaryOperator<EventStore> storeDecorator) throws Exception {
    JournalLock lock = JournalLock.acquire(config.journal().dir());
    try {
      return start(config, storeDecorator, lock);
    } catch (Exception | Error e) {
      lock.close();
      throw e;
    }
  }

  private static AgentLensServer start(
      AgentLensConfig config, UnaryOperator<EventStore> storeDecorator, JournalLock lock)
      throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops(config)));
    Clock clock = Clock.systemUTC();
    EventStore store = storeDecorator.apply(Stores.open(vertx, config, clock));
    try {
      await(store.start());
    } catch (java.util.concurrent.ExecutionException e) {
      // A store that cannot start (unreachable database, bad URL) ends the process with its
      // one-line reason, not a stack trace and a JVM kept alive by Vert.x threads.
      await(vertx.close());
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    ChronicleJournal journal =
        ChronicleJournal.open(
            new JournalSettings(
                config.journal().dir(),
                config.journal().sync(),
                config.journal().retain(),
                config.journal().rollCycle(),
                config.httpMaxBody()));
    IngestMetrics metrics = new IngestMetrics();
    ApiKeyCache keys = new ApiKeyCache(clock);
    await(keys.load(store.keys()));
    if (config.authEnabled() && keys.isEmpty()) {
      BootstrapKey.create(config.dataDir(), store.keys(), keys, clock);
    }
    int port = config.server().port() == 0 ? freePort() : config.server().port();
    AgentLensServer server = new AgentLensServer(vertx, store, journal, metrics, keys, lock, port);
    server.deploy(config, clock);
    LOG.info("AgentLens Engine listening on port " + port);
    return server;
  }

  private void deploy(AgentLensConfig config, Clock clock) throws Exception {
    CommitFanout fanout = new CommitFanout();
    CommitWaiters waiters = new CommitWaiters();
    fanout.add(waiters);
    drainerId =
        await(
            vertx.deployVerticle(
                new DrainerVerticle(
                    journal,
                    store,
                    new DrainSettings(
                        config.nodeId(),
                        config.drain().maxBatchEvents(),
                        config.drain().maxBatchBytes(),
                        config.drain().maxDelay()),
                    metrics,
                    fanout),
                new DeploymentOptions()
                    .setThreadingModel(ThreadingModel.WORKER)
                    .setWorkerPoolName("agentlens-drainer")
                    .setWorkerPoolSize(1)));
    // Scheduled engines; on SQLite their deletes and updates go through the single writer.
    retentionId =
        await(
            vertx.deployVerticle(
                new RetentionEngine(
                    store.retention(),
                    store.config(),
                    RetentionSettings.from(config.retention()),
                    clock)));
    alertEngine =
        new AlertEngine(
            store.alerts(),
            store.analytics(),
            AlertSettings.from(config.alerts()),
            clock,
            config.nodeId());
    alertsId = await(vertx.deployVerticle(alertEngine));
    AtomicBoolean diskLow = new AtomicBoolean();
    long minFree = config.journal().minFreeDisk();
    vertx.setPeriodic(
        0,
        1000,
        id ->
            vertx
                .executeBlocking(() -> journal.freeDiskBytes() < minFree, false)
                .onSuccess(diskLow::set));
    vertx.setPeriodic(10_000, id -> keys.flushLastUsed(store.keys()));
    // Keys created or revoked by the CLI or another node reach this cache within 5 s.
    vertx.setPeriodic(5_000, id -> dev.agentlens.api.admin.KeySync.reload(store.keys(), keys));
    AgentLensConfig effective = withPort(config, port);
    HttpDeps deps =
        new HttpDeps(
            effective,
            store,
            journal,
            metrics,
            keys,
            waiters,
            new UlidGenerator(),
            clock,
            diskLow::get);
    int instances = eventLoops(config);
    httpId =
        await(
            vertx.deployVerticle(
                () -> new HttpVerticle(deps), new DeploymentOptions().setInstances(instances)));
  }

  /** Graceful: stop accepting, drain everything journaled, close journal, store and Vert.x. */
  public void stop() throws Exception {
    if (httpId != null) {
      await(vertx.undeploy(httpId));
    }
    for (String engine : new String[] {alertsId, retentionId}) {
      if (engine != null) {
        await(vertx.undeploy(engine));
      }
    }
    if (drainerId != null) {
      await(vertx.undeploy(drainerId));
    }
    await(keys.flushLastUsed(store.keys()));
    journal.close();
    await(store.close());
    await(vertx.close());
    lock.close();
  }

  public int port() {
    return port;
  }

  public EventStore store() {
    return store;
  }

  public IngestMetrics metrics() {
    return metrics;
  }

  /** The in-memory key cache: put a key here after changing it in the store. */
  public ApiKeyCache keys() {
    return keys;
  }

  /** The alert evaluator (add a listener to hear triggers and resolutions, e.g. for SSE). */
  public AlertEngine alerts() {
    return alertEngine;
  }

  public Vertx vertx() {
    return vertx;
  }

  /** Opens (without starting) the configured backend, e.g. for the CLI. */
  public static EventStore openStore(Vertx vertx, AgentLensConfig config, Clock clock) {
    return Stores.open(vertx, config, clock);
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
  }

  /** One HTTP verticle per event loop; 0 in the config means one per core. */
  private static int eventLoops(AgentLensConfig config) {
    return config.server().eventLoops() > 0
        ? config.server().eventLoops()
        : Runtime.getRuntime().availableProcessors();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static AgentLensConfig withPort(AgentLensConfig c, int port) {
    return new AgentLensConfig(
        new AgentLensConfig.Server(port, c.server().host(), c.server().eventLoops()),
        c.dataDir(),
        c.authEnabled(),
        c.storage(),
        c.retention(),
        c.journal(),
        c.ingest(),
        c.httpMaxBody(),
        c.drain(),
        c.nodeId(),
        c.idleMinutes(),
        c.alerts(),
        c.auditSigningKey(),
        c.sqlite(),
        c.postgres());
  }
}
