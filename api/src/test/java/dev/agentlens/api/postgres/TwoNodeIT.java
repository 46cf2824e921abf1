package dev.agentlens.api.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.api.TestServer;
import dev.agentlens.api.WireEvents;
import dev.agentlens.engine.store.postgres.PostgresTestDatabase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, "several nodes": two server processes, each with its own data dir and journal, in front
 * of one PostgreSQL. Clients post interleaved batches for the same 20 sessions to both; afterwards
 * every acknowledged event is stored exactly once, every chain verifies (from either node), and
 * session aggregates equal a recount of the events table.
 */
class TwoNodeIT {

  private static final List<String> TYPES = List.copyOf(WireEvents.PAYLOADS.keySet());
  private static final int SESSIONS = 20;
  private static final int CLIENTS_PER_NODE = 2;
  private static final int REQUESTS_PER_CLIENT = 40;

  @TempDir Path dir;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Set<String> acked = ConcurrentHashMap.newKeySet();
  private final List<Process> servers = new ArrayList<>();
  private PostgresTestDatabase db;

  @BeforeEach
  void database() {
    PostgresTestDatabase.requireServer();
    db = new PostgresTestDatabase();
  }

  @AfterEach
  void stop() throws Exception {
    for (Process p : servers) {
      p.destroy();
      p.waitFor();
    }
    if (db != null) {
      db.dropAll();
    }
  }

  @Test
  void twoNodesInterleaveEverySessionIntoOneValidChain() throws Exception {
    String url = db.newSchemaUrl();
    int portA = freePort();
    launch("node-a", portA, url);
    awaitUp(portA, servers.get(0));
    // Started after A: B finds A's bootstrap key in the shared table and creates none itself.
    String key = Files.readString(dir.resolve("node-a").resolve("bootstrap-admin.key")).trim();
    int portB = freePort();
    launch("node-b", portB, url);
    awaitUp(portB, servers.get(1));

    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS_PER_NODE * 2; c++) {
      int client = c;
      int port = c % 2 == 0 ? portA : portB;
      Thread t = new Thread(() -> feed(port, key, client), "two-node-client-" + c);
      t.start();
      clients.add(t);
    }
    for (Thread t : clients) {
      t.join();
    }
    assertThat(acked).hasSize(CLIENTS_PER_NODE * 2 * REQUESTS_PER_CLIENT * SESSIONS);
    awaitDrained(portA, key);
    awaitDrained(portB, key);

    assertStoredExactlyOnce();
    assertAggregatesEqualARecount();
    for (int s = 0; s < SESSIONS; s++) {
      for (int port : new int[] {portA, portB}) {
        JsonObject timeline = get(port, key, "/api/sessions/two-node-s" + s + "/timeline");
        assertThat(timeline.getBoolean("chainValid")).as("s%d via %d", s, port).isTrue();
      }
    }
    assertThat(
            db.rows(
                db.schema(),
                "SELECT node_id FROM ingest_checkpoint ORDER BY node_id",
                Tuple.tuple()))
        .extracting(r -> r.getString(0))
        .containsExactly("node-a", "node-b");
    assertThat(db.rows(db.schema(), "SELECT id FROM dead_letters", Tuple.tuple())).isEmpty();
    for (String node : new String[] {"node-a", "node-b"}) {
      // Interleaving must never have made a batch fail for good (and be split up event by event).
      assertThat(Files.readString(dir.resolve(node + ".log"))).doesNotContain("poison");
    }
  }

  /** Each request carries one event of every session, in an order of its own. */
  private void feed(int port, String key, int client) {
    for (int n = 0; n < REQUESTS_PER_CLIENT; n++) {
      JsonArray events = new JsonArray();
      for (int i = 0; i < SESSIONS; i++) {
        int s = (i * (2 * client + 1) + n) % SESSIONS;
        events.add(
            WireEvents.event(
                "two-node-s" + s, "agent-" + (s % 3), TYPES.get((n + i + client) % TYPES.size())));
      }
      HttpResponse<String> r = post(port, key, events);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
      new JsonObject(r.body())
          .getJsonArray("events")
          .forEach(e -> acked.add(((JsonObject) e).getString("id")));
    }
  }

  private void assertStoredExactlyOnce() {
    List<Row> rows = db.rows(db.schema(), "SELECT id FROM events", Tuple.tuple());
    Set<String> stored = new HashSet<>();
    rows.forEach(r -> stored.add(r.getString(0)));
    assertThat(rows).as("no event stored twice").hasSize(stored.size());
    assertThat(stored).isEqualTo(acked);
  }

  private void assertAggregatesEqualARecount() {
    List<Row> rows =
        db.rows(
            db.schema(),
            "SELECT s.id, s.event_count, s.tool_call_count, s.error_count, s.llm_call_count,"
                + " s.last_seq, count(e.id), count(*) FILTER (WHERE e.event_type = 'tool_call'),"
                + " count(*) FILTER (WHERE e.is_error), count(*) FILTER (WHERE e.event_type ="
                + " 'llm_response'), max(e.seq), s.last_hash = (SELECT x.hash FROM events x WHERE"
                + " x.tenant_id = s.tenant_id AND x.session_id = s.id ORDER BY x.seq DESC LIMIT 1)"
                + " FROM sessions s JOIN events e ON e.tenant_id = s.tenant_id AND e.session_id ="
                + " s.id GROUP BY s.tenant_id, s.id",
            Tuple.tuple());
    assertThat(rows).hasSize(SESSIONS);
    for (Row r : rows) {
      String s = r.getString(0);
      assertThat(r.getLong(1)).as(s + " eventCount").isEqualTo(r.getLong(6));
      assertThat(r.getLong(2)).as(s + " toolCallCount").isEqualTo(r.getLong(7));
      assertThat(r.getLong(3)).as(s + " errorCount").isEqualTo(r.getLong(8));
      assertThat(r.getLong(4)).as(s + " llmCallCount").isEqualTo(r.getLong(9));
      assertThat(r.getLong(5)).as(s + " last seq").isEqualTo(r.getLong(10));
      assertThat(r.getLong(10)).as(s + " seq has no gaps").isEqualTo(r.getLong(6));
      assertThat(r.getBoolean(11)).as(s + " last hash is the chain tail").isTrue();
    }
  }

  private void launch(String node, int port, String url) throws Exception {
    Path jar = Path.of("target", "agentlens-engine.jar").toAbsolutePath();
    assertThat(jar).exists();
    Path data = Files.createDirectories(dir.resolve(node));
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-Dagentlens.node-id=" + node,
            "-Dagentlens.server.host=127.0.0.1",
            "-jar",
            jar.toString());
    pb.environment().put("PORT", String.valueOf(port));
    pb.environment().put("AGENTLENS_DATA_DIR", data.toString());
    pb.environment().put("DB_DIALECT", "postgresql");
    pb.environment().put("DATABASE_URL", url);
    pb.environment().remove("AUTH_DISABLED");
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve(node + ".log").toFile());
    servers.add(pb.start());
  }

  private void awaitUp(int port, Process p) throws InterruptedException {
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
  }

  private void awaitDrained(int port, String key) throws InterruptedException {
    TestServer.await(
        "journal of " + port + " drained",
        Duration.ofSeconds(60),
        () -> {
          JsonObject j = get(port, key, "/api/health").getJsonObject("journal");
          return j.getLong("committedIndex") >= j.getLong("lastIndex");
        });
  }

  private HttpResponse<String> post(int port, String key, JsonArray events) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events"))
              .header("Authorization", "Bearer " + key)
              .header("Content-Type", "application/json")
              .timeout(Duration.ofSeconds(10))
              .POST(HttpRequest.BodyPublishers.ofString(WireEvents.body(events)))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
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
