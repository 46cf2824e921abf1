package dev.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentlens.engine.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second server on a data directory in use refuses to start; the lock goes with the server. */
class OneServerPerJournalIT {

  @TempDir Path dir;

  @Test
  void aSecondServerProcessOnTheSameDataDirectoryExitsWithTheReason() throws Exception {
    Path jar = Path.of("target", "agentlens-engine.jar").toAbsolutePath();
    assertThat(jar).exists();
    try (TestServer running = TestServer.start(dir, Map.of())) {
      ProcessBuilder pb =
          new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-Xmx256m",
              "-Dagentlens.server.host=127.0.0.1",
              "-jar",
              jar.toString());
      pb.environment().put("PORT", "0");
      pb.environment().put("AGENTLENS_DATA_DIR", dir.toString());
      pb.redirectErrorStream(true);
      Path log = dir.resolve("second.log");
      pb.redirectOutput(log.toFile());
      Process second = pb.start();
      assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("second server exits").isTrue();
      assertThat(second.exitValue()).isEqualTo(2);
      assertThat(Files.readString(log)).contains("is in use by another AgentLens server");
      assertThat(running.get("/api/health").status()).isEqualTo(200);
    }
  }

  @Test
  void theSameJvmCannotStartTwoServersOnOneDirectoryButCanAfterTheFirstStops() throws Exception {
    try (TestServer first = TestServer.start(dir, Map.of())) {
      assertThat(first.get("/api/health").status()).isEqualTo(200);
      assertThatThrownBy(() -> TestServer.start(dir, Map.of()))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("run one server per data directory");
    }
    try (TestServer again = TestServer.start(dir, Map.of())) {
      assertThat(again.get("/api/health").status()).isEqualTo(200);
    }
  }
}
