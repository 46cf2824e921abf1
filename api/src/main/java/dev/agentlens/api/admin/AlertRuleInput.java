package dev.agentlens.api.admin;

import dev.agentlens.engine.model.AlertCondition;
import dev.agentlens.engine.model.AlertRule;
import dev.agentlens.engine.model.AlertScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/alerts/rules} (every field checked, defaults applied) and of {@code
 * PUT /api/alerts/rules/:id} (the same fields, each optional, merged into the stored rule) per
 * reference §7.1. Unknown keys are ignored (zod strips them); every broken field is reported.
 */
final class AlertRuleInput {
  private static final List<String> CONDITIONS = conditionNames();

  private AlertRuleInput() {}

  /** A new rule of the tenant; 400 naming every broken field. */
  static AlertRule create(
      Map<String, Object> body, String id, String tenantId, String now, Validation v) {
    String name = v.string("name", Validation.value(body, "name"), 1, 200);
    Object enabledRaw = Validation.value(body, "enabled");
    Boolean enabled =
        enabledRaw == Validation.ABSENT ? Boolean.TRUE : v.bool("enabled", enabledRaw);
    AlertCondition condition = condition(Validation.value(body, "condition"), v);
    double threshold = v.number("threshold", Validation.value(body, "threshold"), 0);
    Integer window = v.integer("windowMinutes", Validation.value(body, "windowMinutes"), 1, 43200);
    Object scopeRaw = Validation.value(body, "scope");
    AlertScope scope = scopeRaw == Validation.ABSENT ? AlertScope.ALL : scope(scopeRaw, v);
    Object channelsRaw = Validation.value(body, "notifyChannels");
    List<String> channels = channelsRaw == Validation.ABSENT ? List.of() : channels(channelsRaw, v);
    v.throwIfAny();
    return new AlertRule(
        id, name, enabled, condition, threshold, window, scope, channels, now, now, tenantId);
  }

  /** The stored rule with the fields present in the body replaced and updatedAt = now. */
  static AlertRule update(AlertRule old, Map<String, Object> body, String now, Validation v) {
    String name = old.name();
    boolean enabled = old.enabled();
    AlertCondition condition = old.condition();
    double threshold = old.threshold();
    int window = old.windowMinutes();
    AlertScope scope = old.scope();
    List<String> channels = old.notifyChannels();
    if (body.containsKey("name")) {
      name = v.string("name", body.get("name"), 1, 200);
    }
    if (body.containsKey("enabled")) {
      Boolean b = v.bool("enabled", body.get("enabled"));
      enabled = b != null && b;
    }
    if (body.containsKey("condition")) {
      condition = condition(body.get("condition"), v);
    }
    if (body.containsKey("threshold")) {
      threshold = v.number("threshold", body.get("threshold"), 0);
    }
    if (body.containsKey("windowMinutes")) {
      Integer w = v.integer("windowMinutes", body.get("windowMinutes"), 1, 43200);
      window = w == null ? window : w;
    }
    if (body.containsKey("scope")) {
      scope = scope(body.get("scope"), v);
    }
    if (body.containsKey("notifyChannels")) {
      channels = channels(body.get("notifyChannels"), v);
    }
    v.throwIfAny();
    return new AlertRule(
        old.id(),
        name,
        enabled,
        condition,
        threshold,
        window,
        scope,
        channels,
        old.createdAt(),
        now,
        old.tenantId());
  }

  private static AlertCondition condition(Object raw, Validation v) {
    AlertCondition c = raw instanceof String s ? AlertCondition.fromWire(s) : null;
    if (c == null) {
      v.add("condition", Validation.oneOf(CONDITIONS));
    }
    return c;
  }

  /** {@code {agentId?: string, tags?: string[]}}; other keys are dropped as zod does. */
  private static AlertScope scope(Object raw, Validation v) {
    if (!(raw instanceof Map<?, ?> m)) {
      v.add("scope", Validation.expected("object", raw));
      return AlertScope.ALL;
    }
    String agentId = null;
    List<String> tags = null;
    if (m.containsKey("agentId")) {
      agentId = v.string("scope.agentId", m.get("agentId"), 0, Integer.MAX_VALUE);
    }
    if (m.containsKey("tags")) {
      tags = v.strings("scope.tags", m.get("tags"), 0, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }
    return new AlertScope(agentId, tags);
  }

  private static List<String> channels(Object raw, Validation v) {
    List<String> channels =
        v.strings("notifyChannels", raw, 0, Integer.MAX_VALUE, Integer.MAX_VALUE);
    return channels == null ? List.of() : channels;
  }

  private static List<String> conditionNames() {
    List<String> names = new ArrayList<>();
    for (AlertCondition c : AlertCondition.values()) {
      names.add(c.wire());
    }
    return List.copyOf(names);
  }
}
