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

  /**
   * Gives at most {@code maxPages} free database pages back to the file system in one short step
   * through the writer, so a caller reclaims the space of a large purge in small steps between
   * drain batches; returns how many pages it reclaimed (fewer than {@code maxPages}: nothing is
   * left). Backends that reclaim space by themselves (PostgreSQL's autovacuum) return 0.
   */
  default Future<Long> reclaimSpace(int maxPages) {
    return Future.succeededFuture(0L);
  }
}
