package dev.agentlens.api.ingest;

/** A zod-like check of one value of the {@code CanonicalJson} model. */
interface Rule {
  /**
   * Checks {@code value} ({@link Issues#ABSENT} when the key is missing) and reports what is wrong
   * at the cursor's current path.
   */
  void check(Object value, Issues issues);
}
