package dev.agentlens.engine.store.sqlite;

import dev.agentlens.engine.json.CanonicalJson;
import dev.agentlens.engine.model.AlertCondition;
import dev.agentlens.engine.model.AlertHistory;
import dev.agentlens.engine.model.AlertRule;
import dev.agentlens.engine.model.AlertScope;
import dev.agentlens.engine.model.Page;
import dev.agentlens.engine.store.AlertStore;
import dev.agentlens.engine.store.StoreSettings;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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
final class SqliteAlertStore implements AlertStore {

  private static final String RULE_COLUMNS =
      "SELECT id, name, enabled, condition, threshold, window_minutes, scope, notify_channels,"
          + " created_at, updated_at, tenant_id FROM alert_rules";

  private static final String HISTORY_COLUMNS =
      "SELECT id, rule_id, triggered_at, resolved_at, current_value, threshold, message,"
          + " tenant_id FROM alert_history";

  private final SqliteDatabase db;

  SqliteAlertStore(SqliteDatabase db, StoreSettings settings) {
    this.db = db;
  }

  @Override
  public Future<Void> createRule(AlertRule r) {
    return db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO alert_rules (name, enabled, condition, threshold, window_minutes,"
                      + " scope, notify_channels, updated_at, created_at, id, tenant_id)"
                      + " VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            bindRule(ps, r);
            ps.setString(9, r.createdAt());
            ps.setString(10, r.id());
            ps.setString(11, r.tenantId());
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** Replaces every field but id, tenant and createdAt, which a rule keeps for life. */
  @Override
  public Future<Boolean> updateRule(AlertRule r) {
    return db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE alert_rules SET name = ?, enabled = ?, condition = ?, threshold = ?,"
                      + " window_minutes = ?, scope = ?, notify_channels = ?, updated_at = ?"
                      + " WHERE id = ? AND tenant_id = ?")) {
            bindRule(ps, r);
            ps.setString(9, r.id());
            ps.setString(10, r.tenantId());
            return ps.executeUpdate() > 0;
          }
        });
  }

  @Override
  public Future<Boolean> deleteRule(String tenantId, String id) {
    return db.write(
        c -> update(c, "DELETE FROM alert_rules WHERE id = ? AND tenant_id = ?", id, tenantId));
  }

  @Override
  public Future<Optional<AlertRule>> getRule(String tenantId, String id) {
    return db.read(
        c ->
            rules(c, RULE_COLUMNS + " WHERE id = ? AND tenant_id = ?", id, tenantId).stream()
                .findFirst());
  }

  @Override
  public Future<List<AlertRule>> listRules(String tenantId) {
    return db.read(
        c -> rules(c, RULE_COLUMNS + " WHERE tenant_id = ? ORDER BY created_at, id", tenantId));
  }

  @Override
  public Future<List<AlertRule>> listAllRules() {
    return db.read(c -> rules(c, RULE_COLUMNS + " ORDER BY tenant_id, created_at, id"));
  }

  @Override
  public Future<Void> insertHistory(AlertHistory h) {
    return db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO alert_history (id, rule_id, triggered_at, resolved_at,"
                      + " current_value, threshold, message, tenant_id) VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setString(1, h.id());
            ps.setString(2, h.ruleId());
            ps.setString(3, h.triggeredAt());
            ps.setString(4, h.resolvedAt());
            ps.setDouble(5, h.currentValue());
            ps.setDouble(6, h.threshold());
            ps.setString(7, h.message());
            ps.setString(8, h.tenantId());
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public Future<Page<AlertHistory>> history(String tenantId, String ruleId, int limit, int offset) {
    String where = ruleId == null ? " WHERE tenant_id = ?" : " WHERE tenant_id = ? AND rule_id = ?";
    String[] args = ruleId == null ? new String[] {tenantId} : new String[] {tenantId, ruleId};
    return db.read(
        c -> {
          long total;
          try (PreparedStatement ps =
              c.prepareStatement("SELECT count(*) FROM alert_history" + where)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              total = rs.getLong(1);
            }
          }
          List<AlertHistory> items = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  HISTORY_COLUMNS
                      + where
                      + " ORDER BY triggered_at DESC, id DESC LIMIT ? OFFSET ?")) {
            int i = bind(ps, args);
            ps.setInt(i, limit);
            ps.setInt(i + 1, offset);
            readHistory(ps, items);
          }
          return Page.of(items, total, offset);
        });
  }

  @Override
  public Future<Optional<AlertHistory>> latestHistory(String tenantId, String ruleId) {
    return db.read(
        c -> {
          List<AlertHistory> items = new ArrayList<>(1);
          try (PreparedStatement ps =
              c.prepareStatement(
                  HISTORY_COLUMNS
                      + " WHERE tenant_id = ? AND rule_id = ?"
                      + " ORDER BY triggered_at DESC, id DESC LIMIT 1")) {
            bind(ps, tenantId, ruleId);
            readHistory(ps, items);
          }
          return items.stream().findFirst();
        });
  }

  /** Sets resolvedAt once: false when the entry is missing, another tenant's, or resolved. */
  @Override
  public Future<Boolean> resolve(String tenantId, String historyId, String resolvedAt) {
    return db.write(
        c ->
            update(
                c,
                "UPDATE alert_history SET resolved_at = ?"
                    + " WHERE id = ? AND tenant_id = ? AND resolved_at IS NULL",
                resolvedAt,
                historyId,
                tenantId));
  }

  @Override
  public Future<Boolean> claimLease(String name, String holder, String now, String until) {
    return db.write(
        c ->
            update(
                c,
                "INSERT INTO engine_leases (name, holder, until) VALUES (?, ?, ?)"
                    + " ON CONFLICT (name) DO UPDATE SET holder = excluded.holder,"
                    + " until = excluded.until"
                    + " WHERE engine_leases.holder = excluded.holder OR engine_leases.until < ?",
                name,
                holder,
                until,
                now));
  }

  /** Binds parameters 1–8: the mutable fields of a rule. */
  private static void bindRule(PreparedStatement ps, AlertRule r) throws SQLException {
    ps.setString(1, r.name());
    ps.setInt(2, r.enabled() ? 1 : 0);
    ps.setString(3, r.condition().wire());
    ps.setDouble(4, r.threshold());
    ps.setInt(5, r.windowMinutes());
    ps.setString(6, scopeJson(r.scope()));
    ps.setString(7, SqliteJson.of(r.notifyChannels()));
    ps.setString(8, r.updatedAt());
  }

  private static String scopeJson(AlertScope scope) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (scope.agentId() != null) {
      m.put("agentId", scope.agentId());
    }
    if (scope.tags() != null) {
      m.put("tags", scope.tags());
    }
    return SqliteJson.of(m);
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

  private static List<AlertRule> rules(Connection c, String sql, String... args)
      throws SQLException {
    List<AlertRule> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new AlertRule(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getInt(3) != 0,
                  AlertCondition.fromWire(rs.getString(4)),
                  rs.getDouble(5),
                  rs.getInt(6),
                  scope(rs.getString(7)),
                  SqliteJson.stringList(rs.getString(8)),
                  rs.getString(9),
                  rs.getString(10),
                  rs.getString(11)));
        }
      }
    }
    return out;
  }

  private static void readHistory(PreparedStatement ps, List<AlertHistory> out)
      throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new AlertHistory(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getDouble(5),
                rs.getDouble(6),
                rs.getString(7),
                rs.getString(8)));
      }
    }
  }

  private static boolean update(Connection c, String sql, String... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeUpdate() > 0;
    }
  }

  /** Binds strings from index 1 (null as SQL NULL); returns the next free index. */
  private static int bind(PreparedStatement ps, String... args) throws SQLException {
    int i = 1;
    for (String a : args) {
      if (a == null) {
        ps.setNull(i++, Types.VARCHAR);
      } else {
        ps.setString(i++, a);
      }
    }
    return i;
  }
}
