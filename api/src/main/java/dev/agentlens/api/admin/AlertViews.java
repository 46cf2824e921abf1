package dev.agentlens.api.admin;

import dev.agentlens.engine.json.CanonicalJson;
import dev.agentlens.engine.model.AlertHistory;
import dev.agentlens.engine.model.AlertRule;
import dev.agentlens.engine.model.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Wire shapes of alert rules and history (reference §7.1, §7.3), numbers as JavaScript writes. */
final class AlertViews {
  private AlertViews() {}

  static Map<String, Object> rule(AlertRule r) {
    Map<String, Object> scope = new LinkedHashMap<>();
    if (r.scope().agentId() != null) {
      scope.put("agentId", r.scope().agentId());
    }
    if (r.scope().tags() != null) {
      scope.put("tags", r.scope().tags());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("name", r.name());
    m.put("enabled", r.enabled());
    m.put("condition", r.condition().wire());
    m.put("threshold", r.threshold());
    m.put("windowMinutes", r.windowMinutes());
    m.put("scope", scope);
    m.put("notifyChannels", r.notifyChannels());
    m.put("createdAt", r.createdAt());
    m.put("updatedAt", r.updatedAt());
    m.put("tenantId", r.tenantId());
    return m;
  }

  static String ruleJson(AlertRule r) {
    return CanonicalJson.write(rule(r));
  }

  static String rules(List<AlertRule> rules) {
    List<Object> items = new ArrayList<>(rules.size());
    rules.forEach(r -> items.add(rule(r)));
    return CanonicalJson.write(Map.of("rules", items));
  }

  /** resolvedAt is omitted while the entry is open. */
  static Map<String, Object> history(AlertHistory h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", h.id());
    m.put("ruleId", h.ruleId());
    m.put("triggeredAt", h.triggeredAt());
    if (h.resolvedAt() != null) {
      m.put("resolvedAt", h.resolvedAt());
    }
    m.put("currentValue", h.currentValue());
    m.put("threshold", h.threshold());
    m.put("message", h.message());
    m.put("tenantId", h.tenantId());
    return m;
  }

  static String historyPage(Page<AlertHistory> page) {
    List<Object> items = new ArrayList<>(page.items().size());
    page.items().forEach(h -> items.add(history(h)));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("entries", items);
    m.put("total", page.total());
    m.put("hasMore", page.hasMore());
    return CanonicalJson.write(m);
  }
}
