package dev.agentlens.engine.alerts;

/**
 * Told of every trigger and resolution (e.g. the SSE stream's {@code alert} frame). Called on the
 * alert engine's event loop: must not block; an exception is logged and ignored.
 */
@FunctionalInterface
public interface AlertListener {
  void onAlert(AlertNotice notice);
}
