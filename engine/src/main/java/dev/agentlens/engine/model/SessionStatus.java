package dev.agentlens.engine.model;

import java.util.Locale;

/**
 * Stored statuses are active, completed and error; idle is derived at read time (reference §3.1).
 */
public enum SessionStatus {
  ACTIVE,
  IDLE,
  COMPLETED,
  ERROR;

  private final String wire = name().toLowerCase(Locale.ROOT);

  public String wire() {
    return wire;
  }

  /** Returns null for an unknown name (an unknown status filter simply matches nothing). */
  public static SessionStatus fromWire(String name) {
    for (SessionStatus s : values()) {
      if (s.wire.equals(name)) {
        return s;
      }
    }
    return null;
  }
}
