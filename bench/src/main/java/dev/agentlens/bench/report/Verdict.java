package dev.agentlens.bench.report;

/** Outcome of comparing a measured figure with a limit; NA when there is nothing to compare. */
public enum Verdict {
  PASS,
  FAIL,
  NA
}
