package dev.agentlens.engine.retention;

import dev.agentlens.engine.model.RetentionRun;

/**
 * What one retention run did: its recorded {@link RetentionRun} (null when the policy keeps
 * everything and nothing ran), the policy it applied, and the free pages it gave back to the file
 * system afterwards.
 */
public record RetentionReport(RetentionRun run, int retentionDays, long pagesReclaimed) {

  /** Nothing ran: the policy is 0 days. */
  public static RetentionReport disabled() {
    return new RetentionReport(null, 0, 0);
  }

  public boolean skipped() {
    return run == null;
  }
}
