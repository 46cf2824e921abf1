package dev.agentlens.engine.alerts;

import dev.agentlens.engine.model.AlertHistory;
import dev.agentlens.engine.model.AlertRule;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The webhook JSON: upstream's legacy fallback body (reference §7.2) {@code alertRuleId, alertName,
 * condition, currentValue, threshold, message, triggeredAt, windowMinutes, scope}, plus {@code
 * event} ("triggered" / "resolved") and, on resolution, {@code resolvedAt}. Whole numbers are
 * written as integers, as JavaScript would.
 */
final class WebhookBody {
  private WebhookBody() {}

  private static final double EXACT_INTEGER_LIMIT = 9007199254740992.0;

  static JsonObject of(AlertNotice notice) {
    AlertRule rule = notice.rule();
    AlertHistory h = notice.history();
    JsonObject scope = new JsonObject();
    if (rule.scope().agentId() != null) {
      scope.put("agentId", rule.scope().agentId());
    }
    if (rule.scope().tags() != null) {
      scope.put("tags", new JsonArray(rule.scope().tags()));
    }
    JsonObject body =
        new JsonObject()
            .put("alertRuleId", rule.id())
            .put("alertName", rule.name())
            .put("condition", rule.condition().wire())
            .put("currentValue", number(notice.currentValue()))
            .put("threshold", number(h.threshold()))
            .put("message", h.message())
            .put("triggeredAt", h.triggeredAt())
            .put("windowMinutes", rule.windowMinutes())
            .put("scope", scope)
            .put("event", notice.kind().wire());
    if (h.resolvedAt() != null) {
      body.put("resolvedAt", h.resolvedAt());
    }
    return body;
  }

  private static Number number(double d) {
    return Math.abs(d) < EXACT_INTEGER_LIMIT && d == Math.rint(d) ? (Number) (long) d : d;
  }
}
