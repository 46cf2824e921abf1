package dev.agentlens.engine.alerts;

import dev.agentlens.engine.model.AlertHistory;
import dev.agentlens.engine.model.AlertRule;
import java.util.Objects;

/**
 * A rule fired ({@code history} is the new row) or its condition cleared ({@code history} is the
 * row it resolved, with {@code resolvedAt} set); {@code currentValue} is the value just measured.
 */
public record AlertNotice(Kind kind, AlertRule rule, AlertHistory history, double currentValue) {

  public enum Kind {
    TRIGGERED,
    RESOLVED;

    /** "triggered" / "resolved": the webhook body's {@code event}. */
    public String wire() {
      return this == TRIGGERED ? "triggered" : "resolved";
    }
  }

  public AlertNotice {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(history, "history");
  }
}
