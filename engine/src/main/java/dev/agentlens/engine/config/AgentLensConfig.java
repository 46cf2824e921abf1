package dev.agentlens.engine.config;

import dev.agentlens.engine.journal.SyncMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The validated, frozen configuration of one server (config/agentlens.yaml documents each key). */
public record AgentLensConfig(
    Server server,
    Path dataDir,
    boolean authEnabled,
    Storage storage,
    Retention retention,
    Journal journal,
    Ingest ingest,
    long httpMaxBody,
    Drain drain,
    String nodeId,
    int idleMinutes,
    Alerts alerts,
    String auditSigningKey,
    Sqlite sqlite,
    Postgres postgres) {

  public record Server(int port, String host, int eventLoops) {}

  public enum Dialect {
    SQLITE,
    POSTGRESQL
  }

  public record Storage(Dialect dialect, String url) {}

  public record Retention(int days, Duration interval, int chunkEvents) {}

  public record Journal(
      Path dir, SyncMode sync, Duration retain, String rollCycle, long minFreeDisk) {}

  public record Ingest(int maxBatchEvents, long maxBacklogEvents) {}

  public record Drain(int maxBatchEvents, long maxBatchBytes, Duration maxDelay) {}

  public record Alerts(Duration checkInterval, boolean allowPrivateTargets) {}

  public record Sqlite(
      Path file,
      int readPoolSize,
      long readCacheBytes,
      Duration checkpointInterval,
      Map<String, String> pragmas) {
    public Sqlite {
      // Order matters: page_size and auto_vacuum must precede journal_mode on a new file.
      pragmas = Collections.unmodifiableMap(new LinkedHashMap<>(pragmas));
    }
  }

  public record Postgres(int poolSize, Duration statementTimeout) {}
}
