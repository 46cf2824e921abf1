package dev.agentlens.engine.config;

/** A configuration that cannot start the server; the message names the key and the rule. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message, null, false, false);
  }
}
