package dev.agentlens.engine.store;

import dev.agentlens.engine.model.ChainAnchor;
import dev.agentlens.engine.model.RetentionChunk;
import dev.agentlens.engine.model.RetentionRun;
import io.vertx.core.Future;
import java.util.List;

/**
 * The retention primitive (SPEC §7): per session, the longest seq-ordered prefix whose events are
 * all older than the cutoff is anchored and deleted, a chunk per transaction, through the single
 * writer.
 */
public interface RetentionStore {

  /**
   * Anchors and deletes at most about {@code maxEvents} expired events; call until {@code done}.
   */
  Future<RetentionChunk> purgeChunk(String cutoff, int maxEvents);

  /** Removes sessions left without events; returns how many. */
  Future<Long> removeEmptySessions();

  Future<Void> recordRun(RetentionRun run);

  Future<List<RetentionRun>> runs(int limit);

  Future<List<ChainAnchor>> anchors(String tenantId, String sessionId);
}
