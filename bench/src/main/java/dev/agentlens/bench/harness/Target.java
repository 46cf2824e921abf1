package dev.agentlens.bench.harness;

import java.nio.file.Files;

/** The server under test: one the harness boots from the built jar, or one given by --url. */
final class Target implements AutoCloseable {
  private final ServerProcess process;
  private final String url;
  private final String key;

  private Target(ServerProcess process, String url, String key) {
    this.process = process;
    this.url = url;
    this.key = key;
  }

  static Target open(RunSettings s) throws Exception {
    if (s.url() != null) {
      if (s.key() == null) {
        throw new IllegalArgumentException("--url needs --key (an admin API key of that server)");
      }
      return new Target(null, s.url(), s.key());
    }
    ServerProcess p =
        ServerProcess.start(
            s.serverJar(),
            s.serverJvm(),
            s.sync(),
            Files.createTempDirectory("agentlens-bench-server"),
            s.keepData());
    System.out.println("server pid " + p.pid() + " at " + p.url());
    return new Target(p, p.url(), p.adminKey());
  }

  String url() {
    return url;
  }

  String key() {
    return key;
  }

  ProcessStats stats() {
    return process != null ? new ProcessStats(process.pid()) : ProcessStats.none();
  }

  @Override
  public void close() throws java.io.IOException {
    if (process != null) {
      process.close();
    }
  }
}
