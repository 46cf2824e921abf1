package dev.agentlens.engine.store.postgres;

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
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The team backend (SPEC §8, issue 6): one PostgreSQL database shared by any number of ingest
 * nodes, reached through the reactive {@code vertx-pg-client} pool for reads and writes alike. Same
 * tables, index names and behaviour as SQLite; each node's drainer keeps its own checkpoint row,
 * and a drain batch locks its session rows so that nodes appending to one session interleave into
 * one valid chain. The package's only public class.
 */
public final class PostgresEventStore implements EventStore {

  private final PostgresDatabase db;
  private final PostgresWriter writer;
  private final EventReads events;
  private final SessionReads sessions;
  private final AgentReads agents;
  private final AnalyticsReads analytics;
  private final AlertStore alerts;
  private final RetentionStore retention;
  private final StatsReads stats;
  private final ConfigStore config;
  private final ApiKeyStore keys;

  /**
   * @param url {@code postgresql://user:pass@host:port/db}; query parameters are session settings
   *     sent at connect time (e.g. {@code ?search_path=agentlens}, {@code sslmode=require})
   * @param poolSize connections of the pool ({@code postgres.pool-size})
   * @param statementTimeout the server-side {@code statement_timeout} of every connection
   * @throws dev.agentlens.engine.config.ConfigException when {@code url} cannot be parsed
   */
  public PostgresEventStore(
      Vertx vertx, String url, int poolSize, Duration statementTimeout, StoreSettings settings) {
    Objects.requireNonNull(url, "url");
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize not >= 1");
    }
    this.db = new PostgresDatabase(vertx, url, poolSize, statementTimeout);
    this.writer = new PostgresWriter(db, settings);
    this.events = new PostgresEventReads(db);
    this.sessions = new PostgresSessionReads(db, settings);
    this.agents = new PostgresAgentReads(db);
    this.analytics = new PostgresAnalyticsReads(db);
    this.alerts = new PostgresAlertStore(db);
    this.retention = new PostgresRetentionStore(db, settings);
    this.stats = new PostgresStatsReads(db);
    this.config = new PostgresConfigStore(db);
    this.keys = new PostgresApiKeyStore(db);
  }

  /** Connects and migrates; an unreachable server or a refused login fails with one line. */
  @Override
  public Future<Void> start() {
    return db.open();
  }

  @Override
  public Future<WriteResult> write(DrainBatch batch) {
    return writer.write(batch);
  }

  @Override
  public Future<Long> checkpoint(String nodeId) {
    return writer.checkpoint(nodeId);
  }

  @Override
  public Future<Void> deadLetter(List<IngestEvent> events, String reason) {
    return writer.deadLetter(events, reason);
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
    return db.query("SELECT 1", Tuple.tuple()).mapEmpty();
  }

  @Override
  public Future<Void> close() {
    return db.close();
  }
}
