package dev.agentlens.api.postgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL cluster of the test's own (initdb into a temp dir, its own port), so that a test can
 * stop and restart the database — never the shared server. Uses the local PostgreSQL binaries
 * ({@code /usr/lib/postgresql/N/bin}, else {@code pg_config --bindir}); as root, the server runs as
 * the {@code postgres} OS user, as PostgreSQL refuses root. Without binaries the calling test is
 * skipped with a loud message (a failure under {@code CI=true}).
 */
final class ThrowawayPostgres implements AutoCloseable {

  private final Path bin;
  private final Path dir;
  private final int port;
  private final boolean asPostgresUser;

  private ThrowawayPostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  /** Creates and starts a fresh cluster on a free port (trust auth, user postgres). */
  static ThrowawayPostgres start() throws Exception {
    Optional<Path> bin = binaries();
    if (bin.isEmpty()) {
      String message = "no PostgreSQL binaries (initdb, pg_ctl) found: outage test skipped";
      System.err.println("\n!!!!! " + message + " !!!!!\n");
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(message + " (CI=true requires them)");
      }
      Assumptions.assumeTrue(false, message);
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "al-pg-");
    if (root) {
      UserPrincipal postgres =
          dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
      Files.setOwner(dir, postgres);
    }
    ThrowawayPostgres pg = new ThrowawayPostgres(bin.get(), dir, freePort(), root);
    pg.run(
        pg.bin.resolve("initdb").toString(),
        "-D",
        pg.data().toString(),
        "-U",
        "postgres",
        "-A",
        "trust",
        "-E",
        "UTF8",
        "--no-locale",
        "--no-sync");
    pg.startServer();
    return pg;
  }

  int port() {
    return port;
  }

  String url() {
    return "postgresql://postgres@127.0.0.1:" + port + "/postgres";
  }

  /** Starts (again) on the same port and data; waits until it accepts connections. */
  void startServer() throws IOException {
    run(
        bin.resolve("pg_ctl").toString(),
        "-D",
        data().toString(),
        "-l",
        dir.resolve("server.log").toString(),
        "-w",
        "-t",
        "60",
        "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
        "start");
  }

  /** Stops the server (fast shutdown: clients are disconnected at once). */
  void stopServer() throws IOException {
    run(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w", "stop");
  }

  @Override
  public void close() throws IOException {
    try {
      if (Files.exists(data().resolve("postmaster.pid"))) {
        stopServer();
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private Path data() {
    return dir.resolve("data");
  }

  private void run(String... command) throws IOException {
    List<String> cmd = new ArrayList<>();
    if (asPostgresUser) {
      cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    cmd.addAll(List.of(command));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed:\n" + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", command), e);
    }
  }

  private static Optional<Path> binaries() {
    Path lib = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(lib)) {
      try (Stream<Path> versions = Files.list(lib)) {
        Optional<Path> found =
            versions
                .map(v -> v.resolve("bin"))
                .filter(b -> Files.isExecutable(b.resolve("initdb")))
                .max(Comparator.naturalOrder());
        if (found.isPresent()) {
          return found;
        }
      } catch (IOException e) {
        // fall through to pg_config
      }
    }
    try {
      Process p = new ProcessBuilder("pg_config", "--bindir").start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      Path b = Path.of(out);
      return p.waitFor() == 0 && Files.isExecutable(b.resolve("initdb"))
          ? Optional.of(b)
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
