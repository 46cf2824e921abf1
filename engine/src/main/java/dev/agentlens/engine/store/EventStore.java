package dev.agentlens.engine.store;

import dev.agentlens.engine.model.DrainBatch;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.WriteResult;
import io.vertx.core.Future;
import java.util.List;

/**
 * The one storage contract (SPEC §8). Every write of events goes through {@link #write}: one drain
 * batch, one transaction (dedupe, chain, rows, session/agent aggregates, checkpoint). Reads and the
 * other concerns are grouped in role interfaces. Every read takes the caller's tenant.
 */
public interface EventStore {

  /** Opens connections and applies pending migrations. */
  Future<Void> start();

  /**
   * Commits a drain batch atomically: client ids already stored in the tenant are skipped entirely,
   * the others are chained per (tenant, session) in batch order, inserted, folded into session and
   * agent aggregates, and {@code (nodeId, journalIndex)} is saved as the checkpoint.
   */
  Future<WriteResult> write(DrainBatch batch);

  /** The journal index last committed by this node, or -1 when it never wrote. */
  Future<Long> checkpoint(String nodeId);

  /** Quarantines events the database refused for a non-transient reason. */
  Future<Void> deadLetter(List<IngestEvent> events, String reason);

  EventReads events();

  SessionReads sessions();

  AgentReads agents();

  AnalyticsReads analytics();

  AlertStore alerts();

  RetentionStore retention();

  StatsReads stats();

  ConfigStore config();

  ApiKeyStore keys();

  /** A cheap round trip proving the database answers. */
  Future<Void> ping();

  Future<Void> close();
}
