package dev.agentlens.engine.alerts;

import dev.agentlens.engine.model.AlertCondition;
import dev.agentlens.engine.model.AlertRule;
import dev.agentlens.engine.model.AnalyticsTotals;

/** The five conditions of reference §7.2: the value measured, when it fires, and the message. */
final class AlertConditions {
  private AlertConditions() {}

  /** The current value of the rule's metric over its window. */
  static double value(AlertCondition condition, AnalyticsTotals t) {
    return switch (condition) {
      case ERROR_RATE_EXCEEDS -> t.eventCount() > 0 ? (double) t.errorCount() / t.eventCount() : 0;
      case COST_EXCEEDS -> t.totalCostUsd();
      case LATENCY_EXCEEDS -> t.avgLatencyMs();
      case EVENT_COUNT_EXCEEDS, NO_EVENTS_FOR -> t.eventCount();
    };
  }

  /** The first four fire strictly above the threshold; no_events_for on an empty window. */
  static boolean holds(AlertRule rule, double value) {
    return rule.condition() == AlertCondition.NO_EVENTS_FOR ? value == 0 : value > rule.threshold();
  }

  /** Upstream's message text, exactly. */
  static String message(AlertRule rule, double value) {
    double t = rule.threshold();
    String window = " in the last " + rule.windowMinutes() + "m";
    return switch (rule.condition()) {
      case ERROR_RATE_EXCEEDS ->
          "Error rate "
              + JsFormat.toFixed(value * 100, 1)
              + "% exceeds threshold "
              + JsFormat.toFixed(t * 100, 1)
              + "%"
              + window;
      case COST_EXCEEDS ->
          "Cost $" + JsFormat.number(value) + " exceeds threshold $" + JsFormat.number(t) + window;
      case LATENCY_EXCEEDS ->
          "Average latency "
              + JsFormat.number(value)
              + "ms exceeds threshold "
              + JsFormat.number(t)
              + "ms"
              + window;
      case EVENT_COUNT_EXCEEDS ->
          "Event count "
              + JsFormat.number(value)
              + " exceeds threshold "
              + JsFormat.number(t)
              + window;
      case NO_EVENTS_FOR -> "No events received" + window;
    };
  }
}
