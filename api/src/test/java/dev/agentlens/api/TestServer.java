package dev.agentlens.api;

import dev.agentlens.engine.config.AgentLensConfig;
import dev.agentlens.engine.config.ConfigLoader;
import dev.agentlens.engine.store.EventStore;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * A real server on a random port over a temp data dir, and a real HTTP client with its admin key.
 */
public final class TestServer implements AutoCloseable {

  public record Response(int status, String body, java.net.http.HttpHeaders headers) {
    public JsonObject json() {
      return new JsonObject(body);
    }
  }

  private final AgentLensServer server;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String adminKey;

  private TestServer(AgentLensServer server, String adminKey) {
    this.server = server;
    this.adminKey = adminKey;
  }

  public static TestServer start(Path dataDir, Map<String, String> overrides) throws Exception {
    return start(dataDir, overrides, UnaryOperator.identity());
  }

  public static TestServer start(
      Path dataDir, Map<String, String> overrides, UnaryOperator<EventStore> decorator)
      throws Exception {
    AgentLensServer server = AgentLensServer.start(config(dataDir, overrides), decorator);
    String key = Files.readString(dataDir.resolve("bootstrap-admin.key")).trim();
    return new TestServer(server, key);
  }

  public static AgentLensConfig config(Path dataDir, Map<String, String> overrides) {
    Properties p = new Properties();
    p.setProperty("agentlens.data-dir", dataDir.toString());
    p.setProperty("agentlens.server.port", "0");
    p.setProperty("agentlens.server.host", "127.0.0.1");
    p.setProperty("agentlens.server.event-loops", "2");
    p.setProperty("agentlens.journal.sync", "none");
    // Background engines stay out of a test's way unless the test asks for them.
    p.setProperty("agentlens.alerts.check-interval", "1h");
    p.setProperty("agentlens.retention.interval", "24h");
    overrides.forEach((k, v) -> p.setProperty("agentlens." + k, v));
    return ConfigLoader.load(null, Map.of(), p);
  }

  public AgentLensServer server() {
    return server;
  }

  public String adminKey() {
    return adminKey;
  }

  public Response get(String path) throws Exception {
    return send("GET", path, null, adminKey);
  }

  public Response post(String path, String body) throws Exception {
    return send("POST", path, body, adminKey);
  }

  public Response send(String method, String path, String body, String key) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), r.body(), r.headers());
  }

  /** Events of the default tenant in the database (committed by the drainer). */
  public long storedEvents() {
    try {
      return server
          .store()
          .events()
          .count(dev.agentlens.engine.model.EventQuery.all("default"))
          .toCompletionStage()
          .toCompletableFuture()
          .get(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("counting stored events failed", e);
    }
  }

  /** Polls a condition until it holds (no sleeping for a guessed time). */
  public static void await(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
    }
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("server did not stop cleanly", e);
    }
  }
}
