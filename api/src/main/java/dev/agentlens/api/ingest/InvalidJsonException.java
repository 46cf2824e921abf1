package dev.agentlens.api.ingest;

/**
 * The body is not parseable JSON, has trailing content, or is not a JSON object; maps to 400 {@code
 * Invalid JSON body}. Stackless: it is a client error, raised on the event loop.
 */
public final class InvalidJsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidJsonException() {
    super("Invalid JSON body", null, false, false);
  }
}
