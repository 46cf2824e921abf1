package dev.agentlens.engine.journal;

/** When an append counts as durable: in the page cache (NONE) or after a shared fsync (BATCH). */
public enum SyncMode {
  NONE,
  BATCH
}
