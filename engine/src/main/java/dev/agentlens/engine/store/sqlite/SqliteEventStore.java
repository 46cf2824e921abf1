package dev.agentlens.engine.store.sqlite;

import dev.agentlens.engine.model.DrainBatch;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.WriteResult;
import dev.agentlens.engine.store.AgentReads;
import dev.agentlens.engine.store.AlertStore;
import dev.agentlens.engine.store.AnalyticsReads;
import dev.agentlens.engine.store.ApiKeyStore;
import dev.agentlens.engine.store.ConfigStore;
import dev.agentlens.engine.store.EventReads;
import dev.agentlens.engine.store.EventStore;
import dev.agentlens.engine.store.RetentionStore;
import dev.agentlens.engine.store.SessionReads;
import dev.agentlens.engine.store.StatsReads;
import dev.agentlens.engine.store.StoreSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * The embedded default backend: one SQLite file, one writer connection on its own thread, a pool of
 * read-only connections for queries (SPEC §8). The package's only public class.
 */
public final class SqliteEventStore implements EventStore {

  private final SqliteDatabase db;
  private final SqliteWriter writer;
  private final EventReads events;
  private final SessionReads sessions;
  private final AgentReads agents;
  private final AnalyticsReads analytics;
  private final AlertStore alerts;
  private final RetentionStore retention;
  private final StatsReads stats;
  private final ConfigStore config;
  private final ApiKeyStore keys;

  public SqliteEventStore(Vertx vertx, SqliteSettings sqlite, StoreSettings settings) {
    this.db = new SqliteDatabase(vertx, sqlite);
    this.writer = new SqliteWriter(db, settings);
    this.events = new SqliteEventReads(db, settings);
    this.sessions = new SqliteSessionReads(db, settings);
    this.agents = new SqliteAgentReads(db, settings);
    this.analytics = new SqliteAnalyticsReads(db, settings);
    this.alerts = new SqliteAlertStore(db, settings);
    this.retention = new SqliteRetentionStore(db, settings);
    this.stats = new SqliteStatsReads(db, settings);
    this.config = new SqliteConfigStore(db, settings);
    this.keys = new SqliteApiKeyStore(db, settings);
  }

  @Override
  public Future<Void> start() {
    return db.open();
  }

  @Override
  public Future<WriteResult> write(DrainBatch batch) {
    return db.write(c -> writer.write(c, batch));
  }

  @Override
  public Future<Long> checkpoint(String nodeId) {
    return db.read(c -> SqliteWriter.checkpoint(c, nodeId));
  }

  @Override
  public Future<Void> deadLetter(List<IngestEvent> events, String reason) {
    return db.write(
        c -> {
          writer.deadLetter(c, events, reason);
          return null;
        });
  }

  @Override
  public EventReads events() {
    return events;
  }

  @Override
  public SessionReads sessions() {
    return sessions;
  }

  @Override
  public AgentReads agents() {
    return agents;
  }

  @Override
  public AnalyticsReads analytics() {
    return analytics;
  }

  @Override
  public AlertStore alerts() {
    return alerts;
  }

  @Override
  public RetentionStore retention() {
    return retention;
  }

  @Override
  public StatsReads stats() {
    return stats;
  }

  @Override
  public ConfigStore config() {
    return config;
  }

  @Override
  public ApiKeyStore keys() {
    return keys;
  }

  @Override
  public Future<Void> ping() {
    return db.read(
        c -> {
          try (var s = c.createStatement();
              var rs = s.executeQuery("SELECT 1")) {
            rs.next();
          }
          return null;
        });
  }

  @Override
  public Future<Void> close() {
    writer.close();
    return db.close();
  }
}
