package dev.agentlens.api.cli;

import dev.agentlens.api.AgentLensServer;
import dev.agentlens.engine.config.AgentLensConfig;
import dev.agentlens.engine.store.EventStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * What a command works with: the loaded configuration, the output streams, the clock, and the
 * configured store, opened directly (no HTTP, no journal) on first use and closed at the end.
 */
public final class CliContext implements AutoCloseable {

  private final AgentLensConfig config;
  private final PrintStream out;
  private final PrintStream err;
  private final Clock clock;
  private Vertx vertx;
  private EventStore store;

  CliContext(AgentLensConfig config, PrintStream out, PrintStream err, Clock clock) {
    this.config = config;
    this.out = out;
    this.err = err;
    this.clock = clock;
  }

  public AgentLensConfig config() {
    return config;
  }

  public PrintStream out() {
    return out;
  }

  public PrintStream err() {
    return err;
  }

  public Clock clock() {
    return clock;
  }

  /** The configured database, migrated and ready. */
  public EventStore store() throws Exception {
    if (store == null) {
      vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
      EventStore opened = AgentLensServer.openStore(vertx, config, clock);
      await(opened.start());
      store = opened;
    }
    return store;
  }

  /** Waits for a store result (the CLI's thread is not an event loop). */
  public <T> T await(Future<T> f) throws Exception {
    try {
      return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Closes the store and Vert.x; a failure here is reported but never masks the outcome. */
  @Override
  public void close() {
    try {
      if (store != null) {
        await(store.close());
      }
      if (vertx != null) {
        await(vertx.close());
      }
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      err.println("agentlens: could not close the database cleanly: " + e);
    }
  }
}
