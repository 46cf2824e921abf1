package dev.agentlens.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.agentlens.engine.config.AgentLensConfig.Dialect;
import dev.agentlens.engine.journal.SyncMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The one place that reads configuration: the bundled defaults (config/agentlens.yaml, shipped in
 * the jar), then the operator's file, then environment variables, then {@code -Dagentlens.*}. A key
 * that the defaults do not have fails startup with its name.
 */
public final class ConfigLoader {

  static final String DEFAULTS_RESOURCE = "/agentlens.yaml";
  private static final String PRAGMAS = "sqlite.pragmas";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ConfigLoader() {}

  /**
   * @param file the operator's file, or null for defaults only
   * @param env environment variables (PORT, DATABASE_URL, DB_DIALECT, RETENTION_DAYS,
   *     AUTH_DISABLED, AGENTLENS_DATA_DIR)
   */
  public static AgentLensConfig load(Path file, Map<String, String> env, Properties sys) {
    Map<String, String> values = flatten(readDefaults());
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new ConfigException("configuration file not found: " + file);
      }
      overlay(values, flatten(read(file)), file.toString());
    }
    Map<String, String> overrides = new LinkedHashMap<>();
    putIf(overrides, "server.port", env.get("PORT"));
    putIf(overrides, "storage.url", env.get("DATABASE_URL"));
    putIf(overrides, "storage.dialect", env.get("DB_DIALECT"));
    putIf(overrides, "retention.days", env.get("RETENTION_DAYS"));
    putIf(overrides, "data-dir", env.get("AGENTLENS_DATA_DIR"));
    if ("true".equalsIgnoreCase(env.get("AUTH_DISABLED"))) {
      overrides.put("auth.enabled", "false");
    }
    for (String name : sys.stringPropertyNames()) {
      if (name.startsWith("agentlens.")) {
        overrides.put(name.substring("agentlens.".length()), sys.getProperty(name));
      }
    }
    overlay(values, overrides, "environment");
    return build(new ConfigValues(values));
  }

  /** The file named by --config or AGENTLENS_CONFIG, else config/agentlens.yaml if present. */
  public static Path locate(String[] args, Map<String, String> env) {
    for (int i = 0; i < args.length - 1; i++) {
      if ("--config".equals(args[i])) {
        return Path.of(args[i + 1]);
      }
    }
    if (env.get("AGENTLENS_CONFIG") != null && !env.get("AGENTLENS_CONFIG").isBlank()) {
      return Path.of(env.get("AGENTLENS_CONFIG"));
    }
    Path local = Path.of("config", "agentlens.yaml");
    return Files.isRegularFile(local) ? local : null;
  }

  private static AgentLensConfig build(ConfigValues v) {
    Path dataDir = Path.of(v.text("data-dir"));
    String dialect = v.text("storage.dialect").trim().toLowerCase(Locale.ROOT);
    Dialect d =
        switch (dialect) {
          case "sqlite" -> Dialect.SQLITE;
          case "postgresql", "postgres" -> Dialect.POSTGRESQL;
          default -> throw new ConfigException("storage.dialect not sqlite|postgresql: " + dialect);
        };
    if (d == Dialect.POSTGRESQL && v.text("storage.url").isBlank()) {
      throw new ConfigException("storage.url (DATABASE_URL) is required for postgresql");
    }
    String sync = v.text("journal.sync").trim().toUpperCase(Locale.ROOT);
    if (!sync.equals("NONE") && !sync.equals("BATCH")) {
      throw new ConfigException("journal.sync not none|batch: " + v.text("journal.sync"));
    }
    String nodeId = v.text("node-id").trim();
    if (!nodeId.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw new ConfigException("node-id not 1-64 chars of [A-Za-z0-9_.-]: " + nodeId);
    }
    return new AgentLensConfig(
        new AgentLensConfig.Server(
            v.integer("server.port", 0, 65535),
            v.text("server.host"),
            v.integer("server.event-loops", 0, 256)),
        dataDir,
        v.bool("auth.enabled"),
        new AgentLensConfig.Storage(d, v.text("storage.url")),
        new AgentLensConfig.Retention(
            v.integer("retention.days", 0, 3650),
            v.duration("retention.interval"),
            v.integer("retention.chunk-events", 1, 1_000_000)),
        new AgentLensConfig.Journal(
            under(dataDir, v.text("journal.dir")),
            SyncMode.valueOf(sync),
            v.duration("journal.retain"),
            v.text("journal.roll-cycle"),
            v.bytes("journal.min-free-disk")),
        new AgentLensConfig.Ingest(
            v.integer("ingest.max-batch-events", 1, 100_000),
            v.longValue("ingest.max-backlog-events")),
        v.bytes("http.max-body"),
        new AgentLensConfig.Drain(
            v.integer("drain.max-batch-events", 1, 1_000_000),
            v.bytes("drain.max-batch-bytes"),
            v.duration("drain.max-delay")),
        nodeId,
        v.integer("sessions.idle-minutes", 1, 525_600),
        new AgentLensConfig.Alerts(
            v.duration("alerts.check-interval"), v.bool("alerts.allow-private-targets")),
        v.text("audit.signing-key"),
        new AgentLensConfig.Sqlite(
            under(dataDir, v.text("sqlite.file")),
            v.integer("sqlite.read-pool-size", 1, 64),
            v.bytes("sqlite.read-cache"),
            v.duration("sqlite.checkpoint-interval"),
            v.section(PRAGMAS)),
        new AgentLensConfig.Postgres(
            v.integer("postgres.pool-size", 1, 256), v.duration("postgres.statement-timeout")));
  }

  private static Path under(Path dataDir, String p) {
    Path path = Path.of(p);
    return path.isAbsolute() ? path : dataDir.resolve(path);
  }

  private static void overlay(Map<String, String> base, Map<String, String> top, String source) {
    for (Map.Entry<String, String> e : top.entrySet()) {
      String k = e.getKey();
      if (!base.containsKey(k) && !k.startsWith(PRAGMAS + ".")) {
        throw new ConfigException("unknown configuration key '" + k + "' in " + source);
      }
      base.put(k, e.getValue());
    }
  }

  private static void putIf(Map<String, String> m, String key, String value) {
    if (value != null && !value.isBlank()) {
      m.put(key, value);
    }
  }

  private static JsonNode readDefaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("bundled defaults missing: " + DEFAULTS_RESOURCE);
      }
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("bundled defaults unreadable", e);
    }
  }

  private static JsonNode read(Path file) {
    try {
      JsonNode n = YAML.readTree(file.toFile());
      return n == null ? YAML.createObjectNode() : n;
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static Map<String, String> flatten(JsonNode root) {
    Map<String, String> out = new LinkedHashMap<>();
    flatten("", root, out);
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node == null || node.isNull()) {
      if (!prefix.isEmpty()) {
        out.put(prefix, "");
      }
      return;
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else if (node.isValueNode()) {
      out.put(prefix, node.asText());
    } else {
      throw new ConfigException(prefix + " must be a value or a section, not a list");
    }
  }

  /** The effective configuration as loggable text, secrets masked. */
  public static String describe(AgentLensConfig c) {
    String url = c.storage().url().replaceAll("://([^:@/]+):[^@/]*@", "://$1:****@");
    return "port="
        + c.server().port()
        + " dataDir="
        + c.dataDir()
        + " auth="
        + c.authEnabled()
        + " dialect="
        + c.storage().dialect()
        + (url.isBlank() ? "" : " url=" + url)
        + " journal.sync="
        + c.journal().sync()
        + " drain="
        + c.drain()
        + " retention.days="
        + c.retention().days()
        + " nodeId="
        + c.nodeId()
        + " auditSigningKey="
        + (c.auditSigningKey().isBlank() ? "unset" : "****");
  }
}
