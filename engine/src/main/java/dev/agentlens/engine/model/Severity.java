package dev.agentlens.engine.model;

import java.util.Locale;

/** The five event severities (reference §1.1). */
public enum Severity {
  DEBUG,
  INFO,
  WARN,
  ERROR,
  CRITICAL;

  private final String wire = name().toLowerCase(Locale.ROOT);

  public String wire() {
    return wire;
  }

  public boolean isError() {
    return this == ERROR || this == CRITICAL;
  }

  /** Returns null for an unknown name. */
  public static Severity fromWire(String name) {
    if (name == null) {
      return null;
    }
    for (Severity s : values()) {
      if (s.wire.equals(name)) {
        return s;
      }
    }
    return null;
  }
}
