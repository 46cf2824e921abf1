package dev.agentlens.engine.alerts;

import static dev.agentlens.engine.model.AlertCondition.NO_EVENTS_FOR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.engine.model.AlertRule;
import dev.agentlens.engine.model.AlertScope;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks to a real HTTP listener on loopback: the body of a trigger and of a resolution, retries
 * with backoff, give-up, timeouts, and the SSRF refusal of private targets (nothing arrives, the
 * refusal is counted and logged without the URL's path or the payload).
 */
class AlertWebhookTest extends AlertTestBase {

  private record Received(String method, String uri, String contentType, JsonObject body) {}

  /** Status per request in arrival order; none left = 200; 0 = never answer. */
  private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Logger senderLog = Logger.getLogger(WebhookSender.class.getName());
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          logged.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private HttpServer receiver;

  @BeforeEach
  void startReceiver() {
    senderLog.addHandler(capture);
    receiver =
        await(
            vertx
                .createHttpServer()
                .requestHandler(
                    req ->
                        req.body()
                            .onSuccess(
                                body -> {
                                  received.add(
                                      new Received(
                                          req.method().name(),
                                          req.uri(),
                                          req.getHeader("Content-Type"),
                                          body.toJsonObject()));
                                  Integer status = answers.poll();
                                  int answer = status == null ? 200 : status;
                                  if (answer > 0) {
                                    req.response().setStatusCode(answer).end();
                                  }
                                }))
                .listen(0, "127.0.0.1"));
  }

  @AfterEach
  void removeLogCapture() {
    senderLog.removeHandler(capture);
  }

  private String hook(String host) {
    return "http://" + host + ":" + receiver.actualPort() + "/hooks/alerts?token=s3cret";
  }

  private AlertRule silenceRule(List<String> channels) {
    return rule(
        TENANT, NO_EVENTS_FOR, 0, 60, new AlertScope("agent-idle", List.of("prod")), channels);
  }

  @Test
  void aTriggerAndItsResolutionArePostedToEachUrlChannel() {
    AlertRule rule = silenceRule(List.of(hook("127.0.0.1"), "ops-team", "mailto:ops@example.com"));
    deploy();

    cycle();
    waitFor("the trigger webhook", () -> received.size() == 1);

    Received trigger = received.get(0);
    assertThat(trigger.method()).isEqualTo("POST");
    assertThat(trigger.uri()).isEqualTo("/hooks/alerts?token=s3cret");
    assertThat(trigger.contentType()).isEqualTo("application/json");
    assertThat(trigger.body())
        .isEqualTo(
            new JsonObject()
                .put("alertRuleId", rule.id())
                .put("alertName", rule.name())
                .put("condition", "no_events_for")
                .put("currentValue", 0)
                .put("threshold", 0)
                .put("message", "No events received in the last 60m")
                .put("triggeredAt", "2026-03-10T10:00:00.000Z")
                .put("windowMinutes", 60)
                .put(
                    "scope",
                    new JsonObject()
                        .put("agentId", "agent-idle")
                        .put("tags", new JsonArray().add("prod")))
                .put("event", "triggered"));

    clock.advance(Duration.ofMinutes(3));
    harness.write(
        events.sessionStarted("s1").agent("agent-idle").tags("prod").at(clock.instant()).build());
    cycle();
    waitFor("the resolution webhook", () -> received.size() == 2);

    JsonObject resolution = received.get(1).body();
    assertThat(resolution.getString("event")).isEqualTo("resolved");
    assertThat(resolution.getString("resolvedAt")).isEqualTo("2026-03-10T10:03:00.000Z");
    assertThat(resolution.getString("triggeredAt")).isEqualTo("2026-03-10T10:00:00.000Z");
    assertThat(resolution.getValue("currentValue")).isEqualTo(1);
    assertThat(resolution.getString("message")).isEqualTo("No events received in the last 60m");
    waitFor("both answered", () -> engine.metrics().webhooksDelivered() == 2);
    assertThat(engine.metrics().webhooksRefused()).isZero();
  }

  @Test
  void aFailedDeliveryIsRetriedWithBackoffUntilItSucceeds() {
    answers.addAll(List.of(503, 500));
    silenceRule(List.of(hook("127.0.0.1")));
    deploy();

    cycle();
    waitFor("the delivery", () -> engine.metrics().webhooksDelivered() == 1);

    assertThat(received).hasSize(3);
    assertThat(received).extracting(Received::body).containsOnly(received.get(0).body());
    assertThat(engine.metrics().webhookRetries()).isEqualTo(2);
  }

  @Test
  void aReceiverThatKeepsFailingIsGivenUpAfterThreeRetries() {
    answers.addAll(List.of(500, 502, 503, 504, 200));
    silenceRule(List.of(hook("127.0.0.1")));
    deploy();

    cycle();
    waitFor("giving up", () -> engine.metrics().webhooksFailed() == 1);

    assertThat(received).hasSize(4);
    assertThat(engine.metrics().webhookRetries()).isEqualTo(3);
    assertThat(engine.metrics().webhooksDelivered()).isZero();
  }

  @Test
  void aClientErrorIsNotRetried() {
    answers.add(404);
    silenceRule(List.of(hook("127.0.0.1")));
    deploy();

    cycle();
    waitFor("giving up", () -> engine.metrics().webhooksFailed() == 1);

    assertThat(received).hasSize(1);
    assertThat(engine.metrics().webhookRetries()).isZero();
  }

  @Test
  void aReceiverThatDoesNotAnswerTimesOutAndIsRetried() {
    answers.add(0);
    silenceRule(List.of(hook("127.0.0.1")));
    deploy(true, Duration.ofMillis(300), store.alerts());

    cycle();
    waitFor("the delivery", () -> engine.metrics().webhooksDelivered() == 1);

    assertThat(received).hasSize(2);
    assertThat(engine.metrics().webhookRetries()).isEqualTo(1);
  }

  @Test
  void privateAndLoopbackTargetsAreRefusedUnlessAllowed() {
    AlertRule rule = silenceRule(List.of(hook("127.0.0.1"), hook("localhost")));
    deploy(false, Duration.ofSeconds(10), store.alerts());

    assertThat(cycle().triggered()).isEqualTo(1);
    waitFor("both refusals", () -> engine.metrics().webhooksRefused() == 2);

    assertThat(received).as("nothing reached the listener").isEmpty();
    assertThat(engine.metrics().webhooksDelivered()).isZero();
    assertThat(engine.metrics().webhooksFailed()).isZero();
    assertThat(engine.metrics().webhookRetries()).isZero();
    assertThat(history(rule)).hasSize(1);
    assertThat(notices).hasSize(1);
    List<String> warnings =
        logged.stream()
            .filter(r -> r.getLevel() == Level.WARNING)
            .map(LogRecord::getMessage)
            .toList();
    assertThat(warnings)
        .containsExactlyInAnyOrder(
            refusal("http://127.0.0.1:" + receiver.actualPort()),
            refusal("http://localhost:" + receiver.actualPort()));
    assertThat(String.join("\n", warnings))
        .doesNotContain("s3cret", "/hooks", "No events received", rule.id());
  }

  private static String refusal(String origin) {
    return "alert webhook to "
        + origin
        + " refused: it resolves to a private, loopback or link-local address"
        + " (alerts.allow-private-targets is false)";
  }
}
