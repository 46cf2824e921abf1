package dev.agentlens.bench.harness;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;

/**
 * The harness's HTTP client: Vert.x on one event loop with keep-alive connections, so the load
 * generator costs little of the CPU it shares with the server.
 */
final class LoadClient implements AutoCloseable {

  record Reply(int status, Buffer body, String retryAfter) {}

  private static final long REPLY_TIMEOUT_MS = 90_000;

  private final Vertx vertx;
  private final HttpClientAgent client;
  private final String host;
  private final int port;
  private final String authorization;

  LoadClient(Vertx vertx, String url, String key, int connections) {
    URI u = URI.create(url);
    this.vertx = vertx;
    this.host = u.getHost();
    this.port = u.getPort() > 0 ? u.getPort() : 80;
    this.authorization = "Bearer " + key;
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true).setIdleTimeout(0),
            new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
  }

  Vertx vertx() {
    return vertx;
  }

  Future<Reply> post(String path, Buffer body) {
    return send(HttpMethod.POST, path, body);
  }

  Future<Reply> get(String path) {
    return send(HttpMethod.GET, path, null);
  }

  private Future<Reply> send(HttpMethod method, String path, Buffer body) {
    RequestOptions o =
        new RequestOptions()
            .setMethod(method)
            .setHost(host)
            .setPort(port)
            .setURI(path)
            .putHeader("Authorization", authorization)
            // A lost response or a wedged pool fails the run instead of hanging it.
            .setConnectTimeout(60_000)
            .setIdleTimeout(60_000);
    Promise<Reply> reply = Promise.promise();
    // The client's own timeouts did not fire for a request parked in a wedged pool: fail it here.
    long timer =
        vertx.setTimer(
            REPLY_TIMEOUT_MS,
            id ->
                reply.tryFail(
                    new IllegalStateException(
                        method + " " + path + ": no reply in " + REPLY_TIMEOUT_MS + " ms")));
    exchange(method, path, body, o)
        .onComplete(
            ar -> {
              vertx.cancelTimer(timer);
              if (ar.succeeded()) {
                reply.tryComplete(ar.result());
              } else {
                reply.tryFail(ar.cause());
              }
            });
    return reply.future();
  }

  private Future<Reply> exchange(HttpMethod method, String path, Buffer body, RequestOptions o) {
    return client
        .request(o)
        .compose(
            req -> {
              if (body == null) {
                return req.send();
              }
              req.putHeader("Content-Type", "application/json");
              return req.send(body);
            })
        .compose(
            resp ->
                resp.body()
                    .map(b -> new Reply(resp.statusCode(), b, resp.getHeader("Retry-After"))));
  }

  /** Journal backlog from /api/health: events acknowledged but not yet committed. */
  Future<Long> backlog() {
    return get("/api/health")
        .map(r -> new JsonObject(r.body()).getJsonObject("journal").getLong("backlog"));
  }

  @Override
  public void close() {
    client.close().await();
  }
}
