package dev.agentlens.engine.model;

import java.util.Locale;

/** Analytics bucket width; week buckets are ISO weeks labelled {@code IYYY-Www} (SPEC §4 fix). */
public enum Granularity {
  HOUR,
  DAY,
  WEEK;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns null for an unknown name. */
  public static Granularity fromWire(String s) {
    for (Granularity g : values()) {
      if (g.wire().equals(s)) {
        return g;
      }
    }
    return null;
  }
}
