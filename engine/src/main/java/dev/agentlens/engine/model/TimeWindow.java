package dev.agentlens.engine.model;

import java.util.Objects;

/** An inclusive window of canonical timestamps. */
public record TimeWindow(String from, String to) {
  public TimeWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }
}
