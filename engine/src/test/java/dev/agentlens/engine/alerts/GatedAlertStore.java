package dev.agentlens.engine.alerts;

import dev.agentlens.engine.model.AlertHistory;
import dev.agentlens.engine.model.AlertRule;
import dev.agentlens.engine.model.Page;
import dev.agentlens.engine.store.AlertStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.Optional;

/** A real alert store whose listAllRules waits until the test opens the gate. */
final class GatedAlertStore implements AlertStore {

  private final AlertStore delegate;
  private final Promise<Void> gate = Promise.promise();

  GatedAlertStore(AlertStore delegate) {
    this.delegate = delegate;
  }

  void open() {
    gate.tryComplete();
  }

  @Override
  public Future<List<AlertRule>> listAllRules() {
    return gate.future().compose(v -> delegate.listAllRules());
  }

  @Override
  public Future<Void> createRule(AlertRule rule) {
    return delegate.createRule(rule);
  }

  @Override
  public Future<Boolean> updateRule(AlertRule rule) {
    return delegate.updateRule(rule);
  }

  @Override
  public Future<Boolean> deleteRule(String tenantId, String id) {
    return delegate.deleteRule(tenantId, id);
  }

  @Override
  public Future<Optional<AlertRule>> getRule(String tenantId, String id) {
    return delegate.getRule(tenantId, id);
  }

  @Override
  public Future<List<AlertRule>> listRules(String tenantId) {
    return delegate.listRules(tenantId);
  }

  @Override
  public Future<Void> insertHistory(AlertHistory entry) {
    return delegate.insertHistory(entry);
  }

  @Override
  public Future<Page<AlertHistory>> history(String tenantId, String ruleId, int limit, int offset) {
    return delegate.history(tenantId, ruleId, limit, offset);
  }

  @Override
  public Future<Optional<AlertHistory>> latestHistory(String tenantId, String ruleId) {
    return delegate.latestHistory(tenantId, ruleId);
  }

  @Override
  public Future<Boolean> resolve(String tenantId, String historyId, String resolvedAt) {
    return delegate.resolve(tenantId, historyId, resolvedAt);
  }

  @Override
  public Future<Boolean> claimLease(String name, String holder, String now, String until) {
    return delegate.claimLease(name, holder, now, until);
  }
}
