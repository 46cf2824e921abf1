package dev.agentlens.engine.alerts;

import dev.agentlens.engine.json.UlidGenerator;
import dev.agentlens.engine.model.AlertHistory;
import dev.agentlens.engine.model.AlertRule;
import dev.agentlens.engine.model.AnalyticsQuery;
import dev.agentlens.engine.model.AnalyticsResult;
import dev.agentlens.engine.model.AnalyticsTotals;
import dev.agentlens.engine.model.Granularity;
import dev.agentlens.engine.model.Timestamps;
import dev.agentlens.engine.store.AlertStore;
import dev.agentlens.engine.store.AnalyticsReads;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One evaluation of every enabled rule of every tenant at one instant (reference §7.2 with the SPEC
 * §6 fixes). Per rule: the window's totals ({@code excludeMetrics}, scope agent and tags; cached
 * per tenant, scope and window), then
 *
 * <ul>
 *   <li>condition holds: a new history row and a notice, unless the rule's latest row was triggered
 *       within the last window (de-duplicated, as upstream);
 *   <li>condition clear and the latest row open: every open row of the rule gets {@code resolvedAt}
 *       (while a condition persists a row is written each window, so an episode may have several),
 *       and one resolution notice names the newest.
 * </ul>
 *
 * Rules are evaluated one after the other; a rule that fails is counted and skipped.
 */
final class AlertCycle {

  private static final Logger LOG = Logger.getLogger(AlertCycle.class.getName());
  private static final int HISTORY_PAGE = 100;

  private record MetricKey(String tenantId, String agentId, List<String> tags, int windowMinutes) {}

  private final AlertStore alerts;
  private final AnalyticsReads analytics;
  private final Instant now;
  private final UlidGenerator ids;
  private final Consumer<AlertNotice> notify;
  private final Map<MetricKey, Future<AnalyticsTotals>> totals = new HashMap<>();
  private int evaluated;
  private int triggered;
  private int deduplicated;
  private int resolved;
  private int failures;

  AlertCycle(
      AlertStore alerts,
      AnalyticsReads analytics,
      Instant now,
      UlidGenerator ids,
      Consumer<AlertNotice> notify) {
    this.alerts = alerts;
    this.analytics = analytics;
    this.now = now;
    this.ids = ids;
    this.notify = notify;
  }

  Future<CycleReport> run() {
    return alerts
        .listAllRules()
        .compose(rules -> each(rules.stream().filter(AlertRule::enabled).toList(), 0))
        .map(v -> new CycleReport(false, evaluated, triggered, deduplicated, resolved, failures));
  }

  private Future<Void> each(List<AlertRule> rules, int i) {
    return i == rules.size()
        ? Future.succeededFuture()
        : evaluate(rules.get(i)).compose(v -> each(rules, i + 1));
  }

  private Future<Void> evaluate(AlertRule rule) {
    evaluated++;
    return totals(rule)
        .compose(
            t ->
                alerts
                    .latestHistory(rule.tenantId(), rule.id())
                    .compose(
                        latest -> decide(rule, AlertConditions.value(rule.condition(), t), latest)))
        .recover(
            e -> {
              failures++;
              LOG.log(
                  Level.WARNING,
                  "alert rule " + rule.id() + " of tenant " + rule.tenantId() + " not evaluated",
                  e);
              return Future.succeededFuture();
            });
  }

  private Future<AnalyticsTotals> totals(AlertRule rule) {
    List<String> tags = rule.scope().tags() == null ? List.of() : rule.scope().tags();
    MetricKey key =
        new MetricKey(rule.tenantId(), rule.scope().agentId(), tags, rule.windowMinutes());
    return totals.computeIfAbsent(
        key,
        k ->
            analytics
                .summaryForTags(
                    new AnalyticsQuery(
                        k.tenantId(),
                        Timestamps.format(now.minus(Duration.ofMinutes(k.windowMinutes()))),
                        Timestamps.format(now),
                        Granularity.HOUR,
                        k.agentId(),
                        true),
                    k.tags())
                .map(AnalyticsResult::totals));
  }

  private Future<Void> decide(AlertRule rule, double value, Optional<AlertHistory> latest) {
    if (AlertConditions.holds(rule, value)) {
      if (latest.isPresent() && triggeredWithinWindow(rule, latest.get())) {
        deduplicated++;
        return Future.succeededFuture();
      }
      return trigger(rule, value);
    }
    if (latest.isPresent() && latest.get().resolvedAt() == null) {
      return resolve(rule, value);
    }
    return Future.succeededFuture();
  }

  private boolean triggeredWithinWindow(AlertRule rule, AlertHistory h) {
    Instant windowStart = now.minus(Duration.ofMinutes(rule.windowMinutes()));
    return Timestamps.parse(h.triggeredAt()).isAfter(windowStart);
  }

  private Future<Void> trigger(AlertRule rule, double value) {
    AlertHistory h =
        new AlertHistory(
            ids.next(),
            rule.id(),
            Timestamps.format(now),
            null,
            value,
            rule.threshold(),
            AlertConditions.message(rule, value),
            rule.tenantId());
    return alerts
        .insertHistory(h)
        .map(
            v -> {
              triggered++;
              notify.accept(new AlertNotice(AlertNotice.Kind.TRIGGERED, rule, h, value));
              return null;
            });
  }

  private Future<Void> resolve(AlertRule rule, double value) {
    String at = Timestamps.format(now);
    return resolveOpen(rule, at, 0, null)
        .map(
            newest -> {
              if (newest != null) {
                resolved++;
                AlertHistory done =
                    new AlertHistory(
                        newest.id(),
                        newest.ruleId(),
                        newest.triggeredAt(),
                        at,
                        newest.currentValue(),
                        newest.threshold(),
                        newest.message(),
                        newest.tenantId());
                notify.accept(new AlertNotice(AlertNotice.Kind.RESOLVED, rule, done, value));
              }
              return null;
            });
  }

  /**
   * Resolves the rule's open rows, newest first, up to the first row already resolved (earlier
   * episodes were closed when they cleared); returns the newest row it resolved.
   */
  private Future<AlertHistory> resolveOpen(
      AlertRule rule, String at, int offset, AlertHistory newest) {
    return alerts
        .history(rule.tenantId(), rule.id(), HISTORY_PAGE, offset)
        .compose(
            page -> {
              List<AlertHistory> open = new ArrayList<>();
              boolean reachedClosed = false;
              for (AlertHistory h : page.items()) {
                if (h.resolvedAt() != null) {
                  reachedClosed = true;
                  break;
                }
                open.add(h);
              }
              AlertHistory first = newest != null || open.isEmpty() ? newest : open.get(0);
              boolean more = !reachedClosed && page.hasMore();
              Future<Void> chain = Future.succeededFuture();
              for (AlertHistory h : open) {
                chain = chain.compose(v -> alerts.resolve(rule.tenantId(), h.id(), at).mapEmpty());
              }
              return chain.compose(
                  v ->
                      more
                          ? resolveOpen(rule, at, offset + HISTORY_PAGE, first)
                          : Future.succeededFuture(first));
            });
  }
}
