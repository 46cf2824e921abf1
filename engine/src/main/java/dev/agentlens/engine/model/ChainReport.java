package dev.agentlens.engine.model;

import java.util.List;

/** The result of verifying the chains of one or more sessions. */
public record ChainReport(long sessionsVerified, long totalEvents, List<ChainBreak> brokenChains) {
  public ChainReport {
    brokenChains = List.copyOf(brokenChains);
  }

  public boolean verified() {
    return brokenChains.isEmpty();
  }
}
