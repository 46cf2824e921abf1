package dev.agentlens.api;

import dev.agentlens.engine.config.AgentLensConfig;
import dev.agentlens.engine.config.ConfigException;
import dev.agentlens.engine.store.EventStore;
import dev.agentlens.engine.store.StoreSettings;
import dev.agentlens.engine.store.sqlite.SqliteEventStore;
import dev.agentlens.engine.store.sqlite.SqliteSettings;
import io.vertx.core.Vertx;
import java.time.Clock;

/** Picks the backend from the configured dialect (the only place that knows the backends). */
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
                  config.sqlite().readPoolSize()),
              settings);
      case POSTGRESQL ->
          throw new ConfigException(
              "DB_DIALECT=postgresql is not available in this build yet (tracked as its own issue)");
    };
  }
}
