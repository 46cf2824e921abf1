package dev.agentlens.api;

import dev.agentlens.api.auth.ApiKeyCache;
import dev.agentlens.api.auth.ApiKeys;
import dev.agentlens.engine.store.ApiKeyStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * First start with auth on and no keys: one admin key, written to {@code
 * <data-dir>/bootstrap-admin.key} (mode 0600). Only the file's path is logged, never the key.
 */
final class BootstrapKey {
  private static final Logger LOG = Logger.getLogger(BootstrapKey.class.getName());

  private BootstrapKey() {}

  static void create(Path dataDir, ApiKeyStore store, ApiKeyCache cache, Clock clock)
      throws Exception {
    ApiKeys.Minted minted = ApiKeys.mint("bootstrap admin", List.of("*"), "default", clock);
    Files.createDirectories(dataDir);
    Path file = dataDir.resolve("bootstrap-admin.key");
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(
        file, minted.raw() + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    AgentLensServer.await(store.insert(minted.key()));
    cache.put(minted.key());
    LOG.info("created the bootstrap admin API key in " + file.toAbsolutePath());
  }
}
