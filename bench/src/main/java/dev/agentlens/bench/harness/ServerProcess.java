package dev.agentlens.bench.harness;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real server, started from its built jar in a process of its own with a fresh data directory
 * and a free port, exactly as an operator would run it ({@code java -jar}); stopped with SIGTERM so
 * it drains before it exits.
 */
final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final Path dataDir;
  private final int port;
  private final boolean keep;
  private final String key;

  private ServerProcess(Process process, Path dataDir, int port, boolean keep, String key) {
    this.process = process;
    this.dataDir = dataDir;
    this.port = port;
    this.keep = keep;
    this.key = key;
  }

  static ServerProcess start(
      Path jar, List<String> jvmOptions, String sync, Path dataDir, boolean keep)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(
          "server jar " + jar + " not found: build it first (mvn -B -q -DskipTests package)");
    }
    Files.createDirectories(dataDir);
    int port = freePort();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-Dagentlens.journal.sync=" + sync);
    cmd.add("-jar");
    cmd.add(jar.toAbsolutePath().toString());
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("AGENTLENS_DATA_DIR", dataDir.toString());
    pb.environment().put("PORT", Integer.toString(port));
    pb.redirectErrorStream(true);
    pb.redirectOutput(dataDir.resolve("server.log").toFile());
    Process p = pb.start();
    try {
      awaitHealthy(p, port, dataDir);
      String key = Files.readString(dataDir.resolve("bootstrap-admin.key")).trim();
      return new ServerProcess(p, dataDir, port, keep, key);
    } catch (IOException | RuntimeException | InterruptedException e) {
      p.destroyForcibly();
      throw e;
    }
  }

  private static void awaitHealthy(Process p, int port, Path dataDir)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException(
            "server exited with " + p.exitValue() + "; see " + dataDir.resolve("server.log"));
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200
            && Files.exists(dataDir.resolve("bootstrap-admin.key"))) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      // Polling the port is the only readiness signal a separate process gives us.
      p.waitFor(100, TimeUnit.MILLISECONDS);
    }
    throw new IllegalStateException("server not healthy within 60 s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  String adminKey() {
    return key;
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    if (!keep) {
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
