package dev.agentlens.engine.model;

import java.util.Locale;

/** The five alert conditions (reference §7.1). */
public enum AlertCondition {
  ERROR_RATE_EXCEEDS,
  COST_EXCEEDS,
  LATENCY_EXCEEDS,
  EVENT_COUNT_EXCEEDS,
  NO_EVENTS_FOR;

  private final String wire = name().toLowerCase(Locale.ROOT);

  public String wire() {
    return wire;
  }

  public static AlertCondition fromWire(String s) {
    for (AlertCondition c : values()) {
      if (c.wire.equals(s)) {
        return c;
      }
    }
    return null;
  }
}
