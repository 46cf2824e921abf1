package dev.agentlens.engine.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.engine.model.AlertCondition;
import dev.agentlens.engine.model.AlertRule;
import dev.agentlens.engine.model.AlertScope;
import dev.agentlens.engine.model.AnalyticsTotals;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Upstream's alert messages and JavaScript number formatting, value by value. */
class AlertFormatTest {

  @Test
  void toFixedRoundsTheExactBinaryValueHalfUpAsJavaScriptDoes() {
    assertThat(JsFormat.toFixed(1.005, 2)).isEqualTo("1.00");
    assertThat(JsFormat.toFixed(1.25, 1)).isEqualTo("1.3");
    assertThat(JsFormat.toFixed(0.5, 0)).isEqualTo("1");
    assertThat(JsFormat.toFixed(2.5, 0)).isEqualTo("3");
    assertThat(JsFormat.toFixed(100.0 / 6, 1)).isEqualTo("16.7");
    assertThat(JsFormat.toFixed(50, 1)).isEqualTo("50.0");
    assertThat(JsFormat.toFixed(0, 1)).isEqualTo("0.0");
    assertThat(JsFormat.toFixed(-0.0001, 1)).isEqualTo("-0.0");
    assertThat(JsFormat.toFixed(1e21, 2)).isEqualTo("1e+21");
    assertThat(JsFormat.toFixed(123456789.123456789, 4)).isEqualTo("123456789.1235");
  }

  @Test
  void numbersAreIntegersAsIsElseFourDecimals() {
    assertThat(JsFormat.number(5)).isEqualTo("5");
    assertThat(JsFormat.number(0)).isEqualTo("0");
    assertThat(JsFormat.number(-0.0)).isEqualTo("0");
    assertThat(JsFormat.number(0.1 + 0.2)).isEqualTo("0.3000");
    assertThat(JsFormat.number(0.5)).isEqualTo("0.5000");
    assertThat(JsFormat.number(1e21)).isEqualTo("1e+21");
    assertThat(JsFormat.number(0.00004)).isEqualTo("0.0000");
  }

  @Test
  void messagesAreUpstreamsText() {
    assertThat(AlertConditions.message(rule(AlertCondition.ERROR_RATE_EXCEEDS, 0.05, 15), 0.125))
        .isEqualTo("Error rate 12.5% exceeds threshold 5.0% in the last 15m");
    assertThat(AlertConditions.message(rule(AlertCondition.COST_EXCEEDS, 10, 60), 12.3456789))
        .isEqualTo("Cost $12.3457 exceeds threshold $10 in the last 60m");
    assertThat(AlertConditions.message(rule(AlertCondition.LATENCY_EXCEEDS, 250.5, 5), 300))
        .isEqualTo("Average latency 300ms exceeds threshold 250.5000ms in the last 5m");
    assertThat(AlertConditions.message(rule(AlertCondition.EVENT_COUNT_EXCEEDS, 1000, 1440), 1001))
        .isEqualTo("Event count 1001 exceeds threshold 1000 in the last 1440m");
    assertThat(AlertConditions.message(rule(AlertCondition.NO_EVENTS_FOR, 99, 30), 0))
        .isEqualTo("No events received in the last 30m");
  }

  @Test
  void valuesComeFromTheWindowTotals() {
    AnalyticsTotals t = new AnalyticsTotals(8, 3, 2, 120.5, 1.75, 2, 1);
    AnalyticsTotals empty = new AnalyticsTotals(0, 0, 0, 0, 0, 0, 0);
    assertThat(AlertConditions.value(AlertCondition.ERROR_RATE_EXCEEDS, t)).isEqualTo(0.25);
    assertThat(AlertConditions.value(AlertCondition.ERROR_RATE_EXCEEDS, empty)).isZero();
    assertThat(AlertConditions.value(AlertCondition.COST_EXCEEDS, t)).isEqualTo(1.75);
    assertThat(AlertConditions.value(AlertCondition.LATENCY_EXCEEDS, t)).isEqualTo(120.5);
    assertThat(AlertConditions.value(AlertCondition.EVENT_COUNT_EXCEEDS, t)).isEqualTo(8);
    assertThat(AlertConditions.value(AlertCondition.NO_EVENTS_FOR, t)).isEqualTo(8);
    assertThat(AlertConditions.holds(rule(AlertCondition.NO_EVENTS_FOR, 5, 1), 0)).isTrue();
    assertThat(AlertConditions.holds(rule(AlertCondition.NO_EVENTS_FOR, 5, 1), 1)).isFalse();
    assertThat(AlertConditions.holds(rule(AlertCondition.COST_EXCEEDS, 5, 1), 5)).isFalse();
    assertThat(AlertConditions.holds(rule(AlertCondition.COST_EXCEEDS, 5, 1), 5.0001)).isTrue();
  }

  private static AlertRule rule(AlertCondition c, double threshold, int window) {
    return new AlertRule(
        "r",
        "rule",
        true,
        c,
        threshold,
        window,
        AlertScope.ALL,
        List.of(),
        "2026-03-10T10:00:00.000Z",
        "2026-03-10T10:00:00.000Z",
        "t");
  }
}
