package dev.agentlens.engine.model;

import java.util.List;

/** A session's events in (timestamp, id) order with the chain verdict (SPEC §3). */
public record Timeline(List<Event> events, boolean chainValid, boolean chained) {
  public Timeline {
    events = List.copyOf(events);
  }
}
