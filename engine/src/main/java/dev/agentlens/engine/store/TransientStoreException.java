package dev.agentlens.engine.store;

/**
 * The database could not do it now but may later (busy, I/O, disk full, connection lost): the
 * drainer retries such failures with backoff forever. Any other store failure is permanent.
 */
public final class TransientStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TransientStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
