package dev.agentlens.api.cli;

/** A malformed command line: its message is printed with the usage, exit code 2. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message, null, false, false);
  }
}
