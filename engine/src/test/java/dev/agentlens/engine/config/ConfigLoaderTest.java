package dev.agentlens.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentlens.engine.journal.SyncMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path dir;

  @Test
  void defaultsComeFromTheDocumentedFile() {
    AgentLensConfig c = ConfigLoader.load(null, Map.of(), new Properties());
    assertThat(c.server().port()).isEqualTo(3400);
    assertThat(c.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(c.authEnabled()).isTrue();
    assertThat(c.storage().dialect()).isEqualTo(AgentLensConfig.Dialect.SQLITE);
    assertThat(c.retention().days()).isEqualTo(90);
    assertThat(c.retention().interval()).isEqualTo(Duration.ofHours(24));
    assertThat(c.journal().sync()).isEqualTo(SyncMode.BATCH);
    assertThat(c.journal().dir()).isEqualTo(Path.of("./data/journal"));
    assertThat(c.journal().minFreeDisk()).isEqualTo(512L << 20);
    assertThat(c.httpMaxBody()).isEqualTo(1L << 20);
    assertThat(c.ingest().maxBatchEvents()).isEqualTo(1000);
    assertThat(c.drain().maxDelay()).isEqualTo(Duration.ofMillis(20));
    assertThat(c.drain().maxBatchBytes()).isEqualTo(16L << 20);
    assertThat(c.idleMinutes()).isEqualTo(30);
    assertThat(c.sqlite().file()).isEqualTo(Path.of("./data/agentlens.db"));
    assertThat(c.sqlite().readCacheBytes()).isEqualTo(4L << 20);
    // Seed pragmas present, and in file order (page_size must precede journal_mode).
    assertThat(c.sqlite().pragmas())
        .containsEntry("journal_mode", "WAL")
        .containsEntry("synchronous", "NORMAL")
        .containsEntry("cache_size", "-64000")
        .containsEntry("busy_timeout", "5000");
    List<String> order = List.copyOf(c.sqlite().pragmas().keySet());
    assertThat(order.indexOf("page_size")).isLessThan(order.indexOf("journal_mode"));
  }

  @Test
  void fileThenEnvironmentThenSystemProperties() throws Exception {
    Path file = dir.resolve("a.yaml");
    Files.writeString(
        file,
        "server:\n  port: 4000\nretention:\n  days: 7\nsqlite:\n  pragmas:\n    cache_size: -200000\n");
    Properties sys = new Properties();
    sys.setProperty("agentlens.drain.max-delay", "35ms");
    AgentLensConfig c =
        ConfigLoader.load(
            file,
            Map.of("PORT", "5000", "AUTH_DISABLED", "true", "AGENTLENS_DATA_DIR", "/var/x"),
            sys);
    assertThat(c.server().port()).isEqualTo(5000);
    assertThat(c.retention().days()).isEqualTo(7);
    assertThat(c.authEnabled()).isFalse();
    assertThat(c.dataDir()).isEqualTo(Path.of("/var/x"));
    assertThat(c.sqlite().file()).isEqualTo(Path.of("/var/x/agentlens.db"));
    assertThat(c.sqlite().pragmas()).containsEntry("cache_size", "-200000");
    assertThat(c.drain().maxDelay()).isEqualTo(Duration.ofMillis(35));
  }

  @Test
  void unknownKeysAndBadValuesFailWithTheKeyName() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "server:\n  prot: 1\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), new Properties()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("server.prot");
    assertThatThrownBy(
            () -> ConfigLoader.load(null, Map.of("RETENTION_DAYS", "x"), new Properties()))
        .hasMessageContaining("retention.days");
    assertThatThrownBy(
            () -> ConfigLoader.load(null, Map.of("DB_DIALECT", "oracle"), new Properties()))
        .hasMessageContaining("storage.dialect");
    assertThatThrownBy(
            () -> ConfigLoader.load(null, Map.of("DB_DIALECT", "postgresql"), new Properties()))
        .hasMessageContaining("DATABASE_URL");
    Properties sys = new Properties();
    sys.setProperty("agentlens.journal.retain", "soon");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), sys))
        .hasMessageContaining("journal.retain");
  }

  @Test
  void describeMasksSecrets() {
    AgentLensConfig c =
        ConfigLoader.load(
            null,
            Map.of("DB_DIALECT", "postgresql", "DATABASE_URL", "postgresql://u:secret@h:5432/db"),
            new Properties());
    assertThat(ConfigLoader.describe(c)).contains("u:****@h").doesNotContain("secret");
  }
}
