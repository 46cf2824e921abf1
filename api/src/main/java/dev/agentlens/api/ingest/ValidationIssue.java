package dev.agentlens.api.ingest;

import java.util.Objects;

/**
 * One rejected field of a request, as upstream reports it in {@code details}: {@code path} is the
 * zod path joined with dots (array indices as numbers), e.g. {@code events.3.payload.toolName}.
 */
public record ValidationIssue(String path, String message) {
  public ValidationIssue {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }
}
