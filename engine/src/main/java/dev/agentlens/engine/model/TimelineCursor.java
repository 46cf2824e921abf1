package dev.agentlens.engine.model;

import java.util.Objects;

/** A position in a timeline's (timestamp, id) order: the next page starts after this event. */
public record TimelineCursor(String timestamp, String id) {
  public TimelineCursor {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(id, "id");
  }

  public static TimelineCursor after(Event e) {
    return new TimelineCursor(e.timestamp(), e.id());
  }
}
