package dev.agentlens.engine.store.sqlite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the SQLite file lives, the pragmas applied to every connection (in order), how many
 * read-only connections serve queries and the page cache of each (replacing {@code cache_size} on
 * them), and how often a background thread checkpoints the WAL ({@code Duration.ZERO}: SQLite's
 * automatic checkpoints, paid for by the writer's commits).
 */
public record SqliteSettings(
    Path file,
    Map<String, String> pragmas,
    int readPoolSize,
    Duration checkpointInterval,
    long readCacheBytes) {

  public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ZERO;
  public static final long DEFAULT_READ_CACHE_BYTES = 4L << 20;

  public SqliteSettings(Path file, Map<String, String> pragmas, int readPoolSize) {
    this(file, pragmas, readPoolSize, DEFAULT_CHECKPOINT_INTERVAL);
  }

  public SqliteSettings(
      Path file, Map<String, String> pragmas, int readPoolSize, Duration checkpointInterval) {
    this(file, pragmas, readPoolSize, checkpointInterval, DEFAULT_READ_CACHE_BYTES);
  }

  /**
   * The defaults of config/agentlens.yaml: the seed's four pragmas plus the ones that make the
   * drain write fast (see that file for why each is there).
   */
  public static Map<String, String> defaultPragmas() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("page_size", "8192");
    p.put("auto_vacuum", "INCREMENTAL");
    p.put("journal_mode", "WAL");
    p.put("synchronous", "NORMAL");
    p.put("cache_size", "-64000");
    p.put("busy_timeout", "5000");
    p.put("temp_store", "MEMORY");
    p.put("mmap_size", "0");
    p.put("wal_autocheckpoint", "10000");
    p.put("foreign_keys", "OFF");
    return p;
  }

  public SqliteSettings {
    Objects.requireNonNull(file, "file");
    pragmas = Collections.unmodifiableMap(new LinkedHashMap<>(pragmas));
    Objects.requireNonNull(checkpointInterval, "checkpointInterval");
    if (checkpointInterval.isNegative()) {
      throw new IllegalArgumentException("checkpointInterval not >= 0");
    }
    if (readCacheBytes < 1024) {
      throw new IllegalArgumentException("readCacheBytes not >= 1 KiB");
    }
    if (readPoolSize < 1 || readPoolSize > 64) {
      throw new IllegalArgumentException("readPoolSize not in [1,64]");
    }
    for (Map.Entry<String, String> e : pragmas.entrySet()) {
      if (!e.getKey().matches("[a-z_]+") || !e.getValue().matches("[A-Za-z0-9_-]+")) {
        throw new IllegalArgumentException("pragma not a plain name=value: " + e.getKey());
      }
    }
  }

  public static SqliteSettings at(Path file) {
    return new SqliteSettings(file, defaultPragmas(), 4);
  }
}
