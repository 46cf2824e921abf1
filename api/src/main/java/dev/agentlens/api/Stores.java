package dev.agentlens.api;

import dev.agentlens.engine.config.AgentLensConfig;
import dev.agentlens.engine.store.EventStore;
import dev.agentlens.engine.store.StoreSettings;
import dev.agentlens.engine.store.postgres.PostgresEventStore;
import dev.agentlens.engine.store.sqlite.SqliteEventStore;
import dev.agentlens.engine.store.sqlite.SqliteSettings;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * Picks the backend from the configured dialect (the only place that knows the backends). A
 * DATABASE_URL that is not a postgresql:// URL fails here with a ConfigException (one line); an
 * unreachable server fails the store's start().
 */
final class Stores {
  private Stores() {}

  static EventStore open(Vertx vertx, AgentLensConfig config, Clock clock) {
    StoreSettings settings = new StoreSettings(clock, config.idleMinutes());
    return switch (config.storage().dialect()) {
      case SQLITE ->
          new SqliteEventStore(
              vertx,
              new SqliteSettings(
                  config.sqlite().file(),
                  config.sqlite().pragmas(),
                  config.sqlite().readPoolSize(),
                  config.sqlite().checkpointInterval(),
                  config.sqlite().readCacheBytes()),
              settings);
      case POSTGRESQL ->
          new PostgresEventStore(
              vertx,
              config.storage().url(),
              config.postgres().poolSize(),
              config.postgres().statementTimeout(),
              settings);
    };
  }
}
