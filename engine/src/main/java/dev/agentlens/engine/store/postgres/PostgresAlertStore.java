package dev.agentlens.engine.store.postgres;

import dev.agentlens.engine.json.CanonicalJson;
import dev.agentlens.engine.model.AlertCondition;
import dev.agentlens.engine.model.AlertHistory;
import dev.agentlens.engine.model.AlertRule;
import dev.agentlens.engine.model.AlertScope;
import dev.agentlens.engine.model.Page;
import dev.agentlens.engine.store.AlertStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alert rules and history in alert_rules / alert_history. Everything is scoped to the caller's
 * tenant (another tenant's rule is "not found") except {@link #listAllRules}. Scope is stored as
 * {@code {"agentId"?,"tags"?}} and channels as a JSON array. History has no foreign key, so
 * deleting a rule keeps it (SPEC §6).
 */
final class PostgresAlertStore implements AlertStore {

  private static final String RULE_COLUMNS =
      "SELECT id, name, enabled, condition, threshold, window_minutes, scope, notify_channels,"
          + " created_at, updated_at, tenant_id FROM alert_rules";

  private static final String HISTORY_COLUMNS =
      "SELECT id, rule_id, triggered_at, resolved_at, current_value, threshold, message,"
          + " tenant_id FROM alert_history";

  private final PostgresDatabase db;

  PostgresAlertStore(PostgresDatabase db) {
    this.db = db;
  }

  @Override
  public Future<Void> createRule(AlertRule r) {
    return db.query(
            "INSERT INTO alert_rules (name, enabled, condition, threshold, window_minutes, scope,"
                + " notify_channels, updated_at, created_at, id, tenant_id)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            ruleValues(r).addValue(r.createdAt()).addValue(r.id()).addValue(r.tenantId()))
        .mapEmpty();
  }

  /** Replaces every field but id, tenant and createdAt, which a rule keeps for life. */
  @Override
  public Future<Boolean> updateRule(AlertRule r) {
    return db.query(
            "UPDATE alert_rules SET name = $1, enabled = $2, condition = $3, threshold = $4,"
                + " window_minutes = $5, scope = $6, notify_channels = $7, updated_at = $8"
                + " WHERE id = $9 AND tenant_id = $10",
            ruleValues(r).addValue(r.id()).addValue(r.tenantId()))
        .map(rows -> rows.rowCount() > 0);
  }

  @Override
  public Future<Boolean> deleteRule(String tenantId, String id) {
    return db.query(
            "DELETE FROM alert_rules WHERE id = $1 AND tenant_id = $2", Tuple.of(id, tenantId))
        .map(rows -> rows.rowCount() > 0);
  }

  @Override
  public Future<Optional<AlertRule>> getRule(String tenantId, String id) {
    return rules(RULE_COLUMNS + " WHERE id = $1 AND tenant_id = $2", Tuple.of(id, tenantId))
        .map(list -> list.stream().findFirst());
  }

  @Override
  public Future<List<AlertRule>> listRules(String tenantId) {
    return rules(
        RULE_COLUMNS + " WHERE tenant_id = $1 ORDER BY created_at, id", Tuple.of(tenantId));
  }

  @Override
  public Future<List<AlertRule>> listAllRules() {
    return rules(RULE_COLUMNS + " ORDER BY tenant_id, created_at, id", Tuple.tuple());
  }

  @Override
  public Future<Void> insertHistory(AlertHistory h) {
    return db.query(
            "INSERT INTO alert_history (id, rule_id, triggered_at, resolved_at, current_value,"
                + " threshold, message, tenant_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            Tuple.of(
                h.id(),
                h.ruleId(),
                h.triggeredAt(),
                h.resolvedAt(),
                h.currentValue(),
                h.threshold(),
                h.message(),
                h.tenantId()))
        .mapEmpty();
  }

  @Override
  public Future<Page<AlertHistory>> history(String tenantId, String ruleId, int limit, int offset) {
    String where =
        ruleId == null ? " WHERE tenant_id = $1" : " WHERE tenant_id = $1 AND rule_id = $2";
    Tuple args = ruleId == null ? Tuple.of(tenantId) : Tuple.of(tenantId, ruleId);
    int next = args.size() + 1;
    String page =
        HISTORY_COLUMNS
            + where
            + " ORDER BY triggered_at DESC, id DESC LIMIT $"
            + next
            + " OFFSET $"
            + (next + 1);
    Tuple pageArgs = Tuple.tuple();
    for (int i = 0; i < args.size(); i++) {
      pageArgs.addValue(args.getValue(i));
    }
    pageArgs.addValue((long) limit).addValue((long) offset);
    return db.snapshot(
        c ->
            c.preparedQuery("SELECT count(*) FROM alert_history" + where)
                .execute(args)
                .compose(
                    count ->
                        c.preparedQuery(page)
                            .execute(pageArgs)
                            .map(
                                rows ->
                                    Page.of(
                                        PostgresRows.map(rows, PostgresAlertStore::history),
                                        PostgresRows.scalarLong(count),
                                        offset))));
  }

  @Override
  public Future<Optional<AlertHistory>> latestHistory(String tenantId, String ruleId) {
    return db.query(
            HISTORY_COLUMNS
                + " WHERE tenant_id = $1 AND rule_id = $2"
                + " ORDER BY triggered_at DESC, id DESC LIMIT 1",
            Tuple.of(tenantId, ruleId))
        .map(rows -> PostgresRows.map(rows, PostgresAlertStore::history).stream().findFirst());
  }

  /** Sets resolvedAt once: false when the entry is missing, another tenant's, or resolved. */
  @Override
  public Future<Boolean> resolve(String tenantId, String historyId, String resolvedAt) {
    return db.query(
            "UPDATE alert_history SET resolved_at = $1"
                + " WHERE id = $2 AND tenant_id = $3 AND resolved_at IS NULL",
            Tuple.of(resolvedAt, historyId, tenantId))
        .map(rows -> rows.rowCount() > 0);
  }

  @Override
  public Future<Boolean> claimLease(String name, String holder, String now, String until) {
    return db.query(
            "INSERT INTO engine_leases (name, holder, until) VALUES ($1, $2, $3)"
                + " ON CONFLICT (name) DO UPDATE SET holder = excluded.holder,"
                + " until = excluded.until"
                + " WHERE engine_leases.holder = excluded.holder OR engine_leases.until < $4",
            Tuple.of(name, holder, until, now))
        .map(rows -> rows.rowCount() > 0);
  }

  /** Values 1–8: the mutable fields of a rule. */
  private static Tuple ruleValues(AlertRule r) {
    return Tuple.tuple()
        .addValue(r.name())
        .addValue(r.enabled())
        .addValue(r.condition().wire())
        .addValue(r.threshold())
        .addValue(r.windowMinutes())
        .addValue(scopeJson(r.scope()))
        .addValue(PostgresRows.json(r.notifyChannels()))
        .addValue(r.updatedAt());
  }

  private static String scopeJson(AlertScope scope) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (scope.agentId() != null) {
      m.put("agentId", scope.agentId());
    }
    if (scope.tags() != null) {
      m.put("tags", scope.tags());
    }
    return PostgresRows.json(m);
  }

  private static AlertScope scope(String json) {
    if (!(CanonicalJson.parse(json) instanceof Map<?, ?> m)) {
      return AlertScope.ALL;
    }
    String agentId = m.get("agentId") instanceof String s ? s : null;
    List<String> tags = null;
    if (m.get("tags") instanceof List<?> list) {
      tags = new ArrayList<>(list.size());
      for (Object o : list) {
        if (o instanceof String s) {
          tags.add(s);
        }
      }
    }
    return new AlertScope(agentId, tags);
  }

  private Future<List<AlertRule>> rules(String sql, Tuple args) {
    return db.query(sql, args).map(rows -> PostgresRows.map(rows, PostgresAlertStore::rule));
  }

  private static AlertRule rule(Row r) {
    return new AlertRule(
        r.getString(0),
        r.getString(1),
        r.getBoolean(2),
        AlertCondition.fromWire(r.getString(3)),
        r.getDouble(4),
        r.getInteger(5),
        scope(r.getString(6)),
        PostgresRows.stringList(r.getString(7)),
        r.getString(8),
        r.getString(9),
        r.getString(10));
  }

  private static AlertHistory history(Row r) {
    return new AlertHistory(
        r.getString(0),
        r.getString(1),
        r.getString(2),
        r.getString(3),
        r.getDouble(4),
        r.getDouble(5),
        r.getString(6),
        r.getString(7));
  }
}
