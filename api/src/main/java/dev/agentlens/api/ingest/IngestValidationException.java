package dev.agentlens.api.ingest;

import java.util.List;

/**
 * A well-formed body that breaks the ingest rules; maps to 400 {@code Validation failed} with
 * {@link #details()}. Stackless: it is a client error, raised on the event loop.
 */
public final class IngestValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ValidationIssue> details;

  public IngestValidationException(List<ValidationIssue> details) {
    super("Validation failed", null, false, false);
    this.details = List.copyOf(details);
  }

  /** Every issue found, in request order. */
  public List<ValidationIssue> details() {
    return details;
  }
}
