package dev.agentlens.engine.model;

import java.util.List;

/** Which events a rule looks at: one agent and/or sessions carrying any of the tags. */
public record AlertScope(String agentId, List<String> tags) {
  public static final AlertScope ALL = new AlertScope(null, null);

  public AlertScope {
    tags = tags == null ? null : List.copyOf(tags);
  }
}
