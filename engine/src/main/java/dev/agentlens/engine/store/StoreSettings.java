package dev.agentlens.engine.store;

import java.time.Clock;
import java.util.Objects;

/**
 * Backend-neutral behaviour settings: the clock that derives idle sessions and stamps rows, and the
 * idle threshold (reference §3.1, {@code sessions.idle-minutes}).
 */
public record StoreSettings(Clock clock, int idleMinutes) {
  public StoreSettings {
    Objects.requireNonNull(clock, "clock");
    if (idleMinutes < 1) {
      throw new IllegalArgumentException("idleMinutes not >= 1");
    }
  }

  public static StoreSettings defaults() {
    return new StoreSettings(Clock.systemUTC(), 30);
  }
}
