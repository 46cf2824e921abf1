package dev.agentlens.engine.alerts;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * POSTs a JSON body to a webhook URL: the host is resolved first and every address it resolves to
 * is checked (refused when private, loopback or link-local unless allowed); the connection then
 * goes to the checked address (no second lookup, no redirects). Each attempt has one deadline; a
 * network error, timeout, 408, 429 or 5xx is retried with doubling backoff. Logs name the target's
 * origin only, never its path or the body.
 */
final class WebhookSender {

  enum Outcome {
    DELIVERED,
    REFUSED,
    FAILED
  }

  private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());

  /** The status of an attempt that got no HTTP answer. */
  private static final int NO_ANSWER = -1;

  private final Vertx vertx;
  private final HttpClient client;
  private final AlertSettings settings;
  private final AlertMetrics metrics;

  WebhookSender(Vertx vertx, HttpClient client, AlertSettings settings, AlertMetrics metrics) {
    this.vertx = vertx;
    this.client = client;
    this.settings = settings;
    this.metrics = metrics;
  }

  /** Completes (never fails) once delivered, refused or given up. */
  Future<Outcome> send(WebhookTarget target, Buffer body) {
    return attempt(target, body, 0);
  }

  private Future<Outcome> attempt(WebhookTarget target, Buffer body, int attempt) {
    return resolve(target)
        .compose(
            address ->
                address == null
                    ? Future.succeededFuture(refuse(target))
                    : post(target, address, body)
                        .recover(e -> Future.succeededFuture(NO_ANSWER))
                        .compose(status -> answered(target, body, attempt, status)),
            unresolved -> answered(target, body, attempt, NO_ANSWER));
  }

  private Future<Outcome> answered(WebhookTarget target, Buffer body, int attempt, int status) {
    if (status >= 200 && status < 300) {
      metrics.delivered();
      return Future.succeededFuture(Outcome.DELIVERED);
    }
    boolean retryable = status == NO_ANSWER || status == 408 || status == 429 || status >= 500;
    if (!retryable || attempt >= settings.webhookRetries()) {
      metrics.failed();
      LOG.warning(
          "alert webhook to "
              + target.origin()
              + " failed after "
              + (attempt + 1)
              + " attempt(s): "
              + (status == NO_ANSWER ? "no answer" : "HTTP " + status));
      return Future.succeededFuture(Outcome.FAILED);
    }
    metrics.retried();
    long delay = settings.retryBackoff().toMillis() << attempt;
    return after(delay).compose(v -> attempt(target, body, attempt + 1));
  }

  private Outcome refuse(WebhookTarget target) {
    metrics.refused();
    LOG.warning(
        "alert webhook to "
            + target.origin()
            + " refused: it resolves to a private, loopback or link-local address"
            + " (alerts.allow-private-targets is false)");
    return Outcome.REFUSED;
  }

  /** The address to connect to, or null when the check refuses the host. */
  private Future<InetAddress> resolve(WebhookTarget target) {
    boolean allowPrivate = settings.allowPrivateTargets();
    return vertx.executeBlocking(
        () -> {
          InetAddress[] all = InetAddress.getAllByName(target.resolvableHost());
          for (InetAddress a : all) {
            if (!allowPrivate && WebhookTarget.isPrivate(a)) {
              return null;
            }
          }
          return all[0];
        },
        false);
  }

  /** One POST to the checked address within the timeout; the HTTP status, or a failure. */
  private Future<Integer> post(WebhookTarget target, InetAddress address, Buffer body) {
    long timeout = settings.webhookTimeout().toMillis();
    long deadline = System.nanoTime() + timeout * 1_000_000;
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setServer(SocketAddress.inetSocketAddress(target.port(), address.getHostAddress()))
            .setHost(target.resolvableHost())
            .setPort(target.port())
            .setSsl(target.ssl())
            .setURI(target.uri())
            .setFollowRedirects(false)
            .setConnectTimeout(timeout)
            .setIdleTimeout(timeout)
            .putHeader("Content-Type", "application/json")
            .putHeader("User-Agent", "AgentLens-Engine");
    return client
        .request(options)
        .compose(
            request -> {
              long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
              long timer =
                  vertx.setTimer(
                      left, id -> request.reset(0, new TimeoutException("webhook timed out")));
              return request
                  .send(body)
                  .compose(response -> response.body().map(b -> response.statusCode()))
                  .andThen(ar -> vertx.cancelTimer(timer));
            });
  }

  private Future<Void> after(long millis) {
    Promise<Void> p = Promise.promise();
    vertx.setTimer(Math.max(1, millis), id -> p.complete());
    return p.future();
  }
}
