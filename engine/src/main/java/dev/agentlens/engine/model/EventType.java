package dev.agentlens.engine.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** All 26 upstream event types; 21 of them may be posted by clients (reference §1.2). */
public enum EventType {
  SESSION_STARTED(true),
  SESSION_ENDED(true),
  TOOL_CALL(true),
  TOOL_RESPONSE(true),
  TOOL_ERROR(true),
  APPROVAL_REQUESTED(true),
  APPROVAL_GRANTED(true),
  APPROVAL_DENIED(true),
  APPROVAL_EXPIRED(true),
  FORM_SUBMITTED(true),
  FORM_COMPLETED(true),
  FORM_EXPIRED(true),
  COST_TRACKED(true),
  LLM_CALL(true),
  LLM_RESPONSE(true),
  ALERT_TRIGGERED(true),
  ALERT_RESOLVED(true),
  ERROR(false),
  EVAL_RESULT(false),
  HUMAN_SCORE(false),
  FEEDBACK(false),
  SKILL_ACTIVATED(false),
  RETRIEVAL(true),
  EMBEDDING(true),
  CHAIN_STEP(true),
  CUSTOM(true);

  private static final Map<String, EventType> BY_WIRE =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(EventType::wire, Function.identity()));

  /** The 21 client-ingestible types in upstream's declaration order (used in error messages). */
  public static final List<EventType> INGESTIBLE =
      Arrays.stream(values()).filter(EventType::clientIngestible).toList();

  private final boolean clientIngestible;
  private final String wire;

  EventType(boolean clientIngestible) {
    this.clientIngestible = clientIngestible;
    this.wire = name().toLowerCase(Locale.ROOT);
  }

  public boolean clientIngestible() {
    return clientIngestible;
  }

  public String wire() {
    return wire;
  }

  /** Returns null for an unknown name. */
  public static EventType fromWire(String name) {
    return name == null ? null : BY_WIRE.get(name);
  }
}
