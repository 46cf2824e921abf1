package dev.agentlens.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server process fed continuously and killed with SIGKILL at random moments. After every
 * restart: every acknowledged id is stored exactly once, every chain verifies, and session
 * aggregates equal a recount of the events table. {@code -Dcrash.cycles=20} for the long profile.
 */
class CrashIT {

  private static final List<String> TYPES = List.copyOf(WireEvents.PAYLOADS.keySet());

  @TempDir Path dir;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Set<String> acked = ConcurrentHashMap.newKeySet();
  private final Set<String> sessions = ConcurrentHashMap.newKeySet();

  @Test
  void acknowledgedEventsSurviveSigkillExactlyOnce() throws Exception {
    int cycles = Integer.getInteger("crash.cycles", 5);
    long seed = Long.getLong("crash.seed", System.nanoTime());
    Random random = new Random(seed);
    System.out.println("CrashIT seed=" + seed + " cycles=" + cycles);
    for (int round = 0; round < cycles; round++) {
      int cycle = round;
      String sync = cycle % 2 == 0 ? "none" : "batch";
      int port = freePort();
      Process server = launch(port, sync, cycle);
      String key = awaitUp(port, server);
      verify(port, key, cycle);
      AtomicBoolean feeding = new AtomicBoolean(true);
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < 2; c++) {
        int client = c;
        Thread t = new Thread(() -> feed(port, key, cycle, client, feeding), "crash-client-" + c);
        t.start();
        clients.add(t);
      }
      long before = acked.size();
      // Kill only once this run has acknowledged something, at a random moment after that.
      TestServer.await(
          "acks in cycle " + cycle, Duration.ofSeconds(60), () -> acked.size() > before);
      long killAfter = 200 + random.nextInt(1500);
      long deadline = System.nanoTime() + killAfter * 1_000_000;
      TestServer.await("kill moment", Duration.ofSeconds(10), () -> System.nanoTime() >= deadline);
      server.destroyForcibly().waitFor();
      feeding.set(false);
      System.out.println(
          "CrashIT cycle " + cycle + " (" + sync + "): killed, acked so far " + acked.size());
      for (Thread t : clients) {
        t.join();
      }
    }
    int port = freePort();
    Process last = launch(port, "none", cycles);
    try {
      String key = awaitUp(port, last);
      verify(port, key, cycles);
      assertThat(acked).hasSizeGreaterThan(cycles);
    } finally {
      last.destroy();
      last.waitFor();
    }
  }

  private void feed(int port, String key, int cycle, int client, AtomicBoolean feeding) {
    int n = 0;
    while (feeding.get()) {
      JsonArray events = new JsonArray();
      for (int i = 0; i < 20; i++) {
        String session = "crash-s" + ((n + i + client * 7) % 20);
        sessions.add(session);
        events.add(
            WireEvents.event(session, "crash-agent-" + (i % 3), TYPES.get((n + i) % TYPES.size())));
      }
      n++;
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events"))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofString(WireEvents.body(events)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 202) {
          new JsonObject(r.body())
              .getJsonArray("events")
              .forEach(e -> acked.add(((JsonObject) e).getString("id")));
        } else if (r.statusCode() != 503) {
          throw new AssertionError("cycle " + cycle + ": unexpected " + r.statusCode() + r.body());
        }
      } catch (java.io.IOException e) {
        // The server was killed mid-request: this request was never acknowledged.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Waits for the restarted server to drain its journal, then checks the database itself. */
  private void verify(int port, String key, int cycle) throws Exception {
    TestServer.await(
        "journal drained after restart " + cycle,
        Duration.ofSeconds(60),
        () -> {
          JsonObject j = get(port, key, "/api/health").getJsonObject("journal");
          return j.getLong("committedIndex") >= j.getLong("lastIndex");
        });
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("agentlens.db"));
        Statement s = c.createStatement()) {
      Set<String> stored = new HashSet<>();
      long rows = 0;
      try (ResultSet rs = s.executeQuery("SELECT id FROM events")) {
        while (rs.next()) {
          stored.add(rs.getString(1));
          rows++;
        }
      }
      assertThat(rows).as("no event stored twice").isEqualTo(stored.size());
      Set<String> missing = new HashSet<>(acked);
      missing.removeAll(stored);
      assertThat(missing).as("acknowledged but lost after restart " + cycle).isEmpty();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT s.id, s.event_count, s.tool_call_count, s.error_count, s.llm_call_count,"
                  + " s.last_seq, count(e.id), sum(e.event_type = 'tool_call'), sum(e.is_error),"
                  + " sum(e.event_type = 'llm_response'), max(e.seq)"
                  + " FROM sessions s JOIN events e"
                  + " ON e.tenant_id = s.tenant_id AND e.session_id = s.id GROUP BY s.id")) {
        while (rs.next()) {
          String session = rs.getString(1);
          assertThat(rs.getLong(2)).as(session + " eventCount").isEqualTo(rs.getLong(7));
          assertThat(rs.getLong(3)).as(session + " toolCallCount").isEqualTo(rs.getLong(8));
          assertThat(rs.getLong(4)).as(session + " errorCount").isEqualTo(rs.getLong(9));
          assertThat(rs.getLong(5)).as(session + " llmCallCount").isEqualTo(rs.getLong(10));
          assertThat(rs.getLong(6)).as(session + " last seq").isEqualTo(rs.getLong(11));
          assertThat(rs.getLong(11)).as(session + " seq has no gaps").isEqualTo(rs.getLong(7));
        }
      }
    }
    for (String session : sessions) {
      JsonObject timeline = get(port, key, "/api/sessions/" + session + "/timeline");
      assertThat(timeline.getBoolean("chainValid")).as(session + " chain").isTrue();
    }
  }

  private Process launch(int port, String sync, int cycle) throws Exception {
    Path jar = Path.of("target", "agentlens-engine.jar").toAbsolutePath();
    assertThat(jar).exists();
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-Dagentlens.journal.sync=" + sync,
            "-Dagentlens.server.host=127.0.0.1",
            "-jar",
            jar.toString());
    pb.environment().put("PORT", String.valueOf(port));
    pb.environment().put("AGENTLENS_DATA_DIR", dir.toString());
    pb.environment().remove("AUTH_DISABLED");
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("server-" + cycle + ".log").toFile());
    return pb.start();
  }

  private String awaitUp(int port, Process p) throws Exception {
    TestServer.await(
        "server up on " + port,
        Duration.ofSeconds(60),
        () -> {
          if (!p.isAlive()) {
            throw new AssertionError("server exited: " + p.exitValue());
          }
          try {
            return http.send(
                        HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/health"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .statusCode()
                == 200;
          } catch (java.io.IOException e) {
            return false;
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
    return Files.readString(dir.resolve("bootstrap-admin.key")).trim();
  }

  private JsonObject get(int port, String key, String path) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .header("Authorization", "Bearer " + key)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new JsonObject(r.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
