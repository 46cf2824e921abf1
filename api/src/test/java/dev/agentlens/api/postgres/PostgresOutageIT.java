package dev.agentlens.api.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.api.TestServer;
import dev.agentlens.api.WireEvents;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, "outages survived": a server process on a PostgreSQL cluster of the test's own, which is
 * stopped for at least 30 s while a client keeps posting. The node keeps acknowledging into its
 * journal until the backlog cap, then answers 503 with Retry-After; /api/health reports the
 * database down; after the restart everything drains, and every acknowledged event is stored
 * exactly once in valid chains.
 */
class PostgresOutageIT {

  private static final List<String> TYPES = List.copyOf(WireEvents.PAYLOADS.keySet());
  private static final int SESSIONS = 10;
  private static final int BACKLOG_CAP = 4000;
  private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("outage.seconds", 30));

  @TempDir Path dir;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Set<String> acked = ConcurrentHashMap.newKeySet();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicReference<String> unexpected = new AtomicReference<>();

  @Test
  void acknowledgedEventsSurviveTheDatabaseGoingAway() throws Exception {
    try (ThrowawayPostgres pg = ThrowawayPostgres.start()) {
      int port = freePort();
      Process server = launch(port, pg.url());
      try {
        String key = awaitUp(port, server);
        AtomicBoolean feeding = new AtomicBoolean(true);
        Thread client = new Thread(() -> feed(port, key, feeding), "outage-client");
        client.start();
        TestServer.await(
            "acks before the outage", Duration.ofSeconds(30), () -> acked.size() > 200);

        pg.stopServer();
        long stoppedAt = System.nanoTime();
        int ackedAtStop = acked.size();
        TestServer.await(
            "health reports the database down",
            Duration.ofSeconds(20),
            () -> !health(port).getJsonObject("db").getBoolean("ok"));
        TestServer.await(
            "acks into the journal while the database is down",
            Duration.ofSeconds(20),
            () -> acked.size() > ackedAtStop + 100);
        TestServer.await("503 at the backlog cap", OUTAGE, () -> refused.get() > 0);
        TestServer.await(
            "the outage lasts " + OUTAGE.toSeconds() + " s",
            OUTAGE.plusSeconds(5),
            () -> System.nanoTime() - stoppedAt >= OUTAGE.toNanos());
        assertThat(health(port).getJsonObject("journal").getLong("backlog"))
            .isGreaterThanOrEqualTo(BACKLOG_CAP);

        pg.startServer();
        int ackedAtRestart = acked.size();
        TestServer.await(
            "health reports the database up",
            Duration.ofSeconds(30),
            () -> health(port).getJsonObject("db").getBoolean("ok"));
        TestServer.await(
            "acks after the restart",
            Duration.ofSeconds(30),
            () -> acked.size() > ackedAtRestart + 100);
        feeding.set(false);
        client.join();
        assertThat(unexpected.get()).isNull();
        TestServer.await(
            "backlog drained",
            Duration.ofSeconds(60),
            () -> {
              JsonObject j = health(port).getJsonObject("journal");
              return j.getLong("committedIndex") >= j.getLong("lastIndex");
            });

        assertEveryAckStoredOnceInValidChains(port, key);
      } finally {
        server.destroy();
        server.waitFor();
      }
    }
  }

  private void feed(int port, String key, AtomicBoolean feeding) {
    int n = 0;
    while (feeding.get()) {
      JsonArray events = new JsonArray();
      for (int i = 0; i < 20; i++) {
        events.add(
            WireEvents.event(
                "outage-s" + ((n + i) % SESSIONS),
                "outage-agent",
                TYPES.get((n + i) % TYPES.size())));
      }
      n++;
      try {
        HttpResponse<String> r = post(port, key, events);
        if (r.statusCode() == 202) {
          new JsonObject(r.body())
              .getJsonArray("events")
              .forEach(e -> acked.add(((JsonObject) e).getString("id")));
        } else if (r.statusCode() == 503 && r.headers().firstValue("Retry-After").isPresent()) {
          refused.incrementAndGet();
          // A polite client backs off when refused (this paces the test, it waits on nothing).
          Thread.sleep(50);
        } else {
          unexpected.compareAndSet(null, r.statusCode() + " " + r.body());
        }
      } catch (java.io.IOException e) {
        unexpected.compareAndSet(null, e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void assertEveryAckStoredOnceInValidChains(int port, String key) {
    List<String> stored = new ArrayList<>();
    for (int s = 0; s < SESSIONS; s++) {
      String session = "outage-s" + s;
      JsonObject timeline = get(port, key, "/api/sessions/" + session + "/timeline");
      assertThat(timeline.getBoolean("chainValid")).as(session + " chain").isTrue();
      JsonArray events = timeline.getJsonArray("events");
      events.forEach(e -> stored.add(((JsonObject) e).getString("id")));
      assertThat(get(port, key, "/api/sessions/" + session).getLong("eventCount"))
          .as(session + " eventCount")
          .isEqualTo(events.size());
    }
    assertThat(stored).as("no event stored twice").hasSize(new HashSet<>(stored).size());
    assertThat(new HashSet<>(stored)).isEqualTo(acked);
  }

  private Process launch(int port, String url) throws Exception {
    Path jar = Path.of("target", "agentlens-engine.jar").toAbsolutePath();
    assertThat(jar).exists();
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-Dagentlens.server.host=127.0.0.1",
            "-Dagentlens.ingest.max-backlog-events=" + BACKLOG_CAP,
            "-jar",
            jar.toString());
    pb.environment().put("PORT", String.valueOf(port));
    pb.environment().put("AGENTLENS_DATA_DIR", dir.toString());
    pb.environment().put("DB_DIALECT", "postgresql");
    pb.environment().put("DATABASE_URL", url);
    pb.environment().remove("AUTH_DISABLED");
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("server.log").toFile());
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

  private JsonObject health(int port) {
    return get(port, null, "/api/health");
  }

  private HttpResponse<String> post(int port, String key, JsonArray events)
      throws java.io.IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events"))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(WireEvents.body(events)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private JsonObject get(int port, String key, String path) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(20));
      if (key != null) {
        b.header("Authorization", "Bearer " + key);
      }
      return new JsonObject(http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body());
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
