package dev.agentlens.engine.alerts;

import dev.agentlens.engine.json.UlidGenerator;
import dev.agentlens.engine.model.Timestamps;
import dev.agentlens.engine.store.AlertStore;
import dev.agentlens.engine.store.AnalyticsReads;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Evaluates the alert rules of every tenant every {@code alerts.check-interval} (SPEC §6), never
 * overlapping itself: a tick that finds the previous cycle still running is skipped. A trigger or
 * resolution is written to alert_history by the cycle, then told to the listeners (the SSE stream)
 * and POSTed to each http(s) URL among the rule's notify channels (delivered in the background, so
 * a slow receiver never holds up a cycle). Time comes from the injected clock.
 */
public final class AlertEngine extends VerticleBase {

  private static final Logger LOG = Logger.getLogger(AlertEngine.class.getName());

  static final String LEASE = "alert-evaluation";

  private final String nodeId;
  private final AlertStore alerts;
  private final AnalyticsReads analytics;
  private final AlertSettings settings;
  private final Clock clock;
  private final UlidGenerator ids;
  private final AlertMetrics metrics = new AlertMetrics();
  private final List<AlertListener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean();
  private HttpClient client;
  private WebhookSender webhooks;
  private long timer = -1;

  public AlertEngine(
      AlertStore alerts, AnalyticsReads analytics, AlertSettings settings, Clock clock) {
    this(alerts, analytics, settings, clock, "node-1");
  }

  /**
   * @param nodeId this node's id: with several nodes on one database, the one holding the
   *     evaluation lease evaluates, the others skip their cycles (issue 6)
   */
  public AlertEngine(
      AlertStore alerts,
      AnalyticsReads analytics,
      AlertSettings settings,
      Clock clock,
      String nodeId) {
    this.nodeId = nodeId;
    this.alerts = alerts;
    this.analytics = analytics;
    this.settings = settings;
    this.clock = clock;
    this.ids = new UlidGenerator(clock, new SecureRandom());
  }

  @Override
  public Future<?> start() {
    int timeout = (int) Math.min(Integer.MAX_VALUE, settings.webhookTimeout().toMillis());
    client =
        vertx.createHttpClient(
            new HttpClientOptions().setConnectTimeout(timeout).setVerifyHost(true));
    webhooks = new WebhookSender(vertx, client, settings, metrics);
    long every = settings.checkInterval().toMillis();
    timer = vertx.setPeriodic(every, every, id -> cycle());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return client.close();
  }

  public void addListener(AlertListener listener) {
    listeners.add(listener);
  }

  public AlertMetrics metrics() {
    return metrics;
  }

  /** Runs one cycle now (skipped when one is running); from any thread, once deployed. */
  public Future<CycleReport> evaluate() {
    Promise<CycleReport> done = Promise.promise();
    context.runOnContext(v -> cycle().onComplete(done));
    return done.future();
  }

  private Future<CycleReport> cycle() {
    if (!running.compareAndSet(false, true)) {
      metrics.cycle(CycleReport.SKIPPED);
      return Future.succeededFuture(CycleReport.SKIPPED);
    }
    Instant now = clock.instant();
    // The lease outlives two cycles: a leader that dies is replaced within about two intervals.
    String until = Timestamps.format(now.plus(settings.checkInterval().multipliedBy(2)));
    return alerts
        .claimLease(LEASE, nodeId, Timestamps.format(now), until)
        .compose(
            leader ->
                leader
                    ? new AlertCycle(alerts, analytics, now, ids, this::notify).run()
                    : Future.succeededFuture(CycleReport.SKIPPED))
        .andThen(
            ar -> {
              running.set(false);
              if (ar.succeeded()) {
                metrics.cycle(ar.result());
              } else {
                LOG.log(Level.WARNING, "alert evaluation cycle failed", ar.cause());
              }
            });
  }

  private void notify(AlertNotice notice) {
    for (AlertListener l : listeners) {
      try {
        l.onAlert(notice);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "alert listener failed", e);
      }
    }
    Buffer body = null;
    for (String channel : notice.rule().notifyChannels()) {
      WebhookTarget target = WebhookTarget.parse(channel).orElse(null);
      if (target != null) {
        body = body != null ? body : WebhookBody.of(notice).toBuffer();
        webhooks.send(target, body);
      }
    }
  }
}
