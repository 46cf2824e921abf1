package dev.agentlens.engine.store;

import dev.agentlens.engine.model.AlertHistory;
import dev.agentlens.engine.model.AlertRule;
import dev.agentlens.engine.model.Page;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** Alert rules and their history (reference §7); deleting a rule keeps its history. */
public interface AlertStore {

  Future<Void> createRule(AlertRule rule);

  /** Replaces the stored rule with the same (tenant, id); false when there is none. */
  Future<Boolean> updateRule(AlertRule rule);

  Future<Boolean> deleteRule(String tenantId, String id);

  Future<Optional<AlertRule>> getRule(String tenantId, String id);

  Future<List<AlertRule>> listRules(String tenantId);

  /** Every rule of every tenant (the evaluator groups them). */
  Future<List<AlertRule>> listAllRules();

  Future<Void> insertHistory(AlertHistory entry);

  /** Newest first; {@code ruleId} null means every rule of the tenant. */
  Future<Page<AlertHistory>> history(String tenantId, String ruleId, int limit, int offset);

  /** The most recent history row of a rule, if any. */
  Future<Optional<AlertHistory>> latestHistory(String tenantId, String ruleId);

  Future<Boolean> resolve(String tenantId, String historyId, String resolvedAt);

  /**
   * The evaluation lease that keeps alert evaluation on one node at a time (several ingest nodes on
   * one database): true when {@code holder} now holds {@code name} until {@code until} — taken when
   * free or expired at {@code now}, renewed when already held by {@code holder}, refused otherwise.
   */
  Future<Boolean> claimLease(String name, String holder, String now, String until);
}
