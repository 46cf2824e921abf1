package dev.agentlens.engine.store.sqlite;

import dev.agentlens.engine.model.ApiKey;
import dev.agentlens.engine.store.ApiKeyStore;
import dev.agentlens.engine.store.StoreSettings;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * API keys in api_keys: only the SHA-256 of a key is stored, times are unix seconds (null when
 * unset). A revoked key is never changed again: revoking or rotating it reports false, as for a key
 * that is missing or another tenant's.
 */
final class SqliteApiKeyStore implements ApiKeyStore {

  private static final String COLUMNS =
      "SELECT id, key_hash, name, scopes, tenant_id, created_at, last_used_at, revoked_at,"
          + " rotated_at, expires_at FROM api_keys";

  private final SqliteDatabase db;

  SqliteApiKeyStore(SqliteDatabase db, StoreSettings settings) {
    this.db = db;
  }

  @Override
  public Future<Void> insert(ApiKey k) {
    return db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO api_keys (id, key_hash, name, scopes, tenant_id, created_at,"
                      + " last_used_at, revoked_at, rotated_at, expires_at)"
                      + " VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, k.id());
            ps.setString(2, k.keyHash());
            ps.setString(3, k.name());
            ps.setString(4, SqliteJson.of(k.scopes()));
            ps.setString(5, k.tenantId());
            ps.setLong(6, k.createdAt());
            setLong(ps, 7, k.lastUsedAt());
            setLong(ps, 8, k.revokedAt());
            setLong(ps, 9, k.rotatedAt());
            setLong(ps, 10, k.expiresAt());
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public Future<List<ApiKey>> all() {
    return db.read(c -> keys(c, COLUMNS + " ORDER BY created_at, id", null));
  }

  @Override
  public Future<List<ApiKey>> list(String tenantId) {
    return db.read(
        c -> keys(c, COLUMNS + " WHERE tenant_id = ? ORDER BY created_at DESC, id DESC", tenantId));
  }

  @Override
  public Future<Boolean> revoke(String tenantId, String id, long revokedAtSeconds) {
    return db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE api_keys SET revoked_at = ?"
                      + " WHERE id = ? AND tenant_id = ? AND revoked_at IS NULL")) {
            ps.setLong(1, revokedAtSeconds);
            ps.setString(2, id);
            ps.setString(3, tenantId);
            return ps.executeUpdate() > 0;
          }
        });
  }

  @Override
  public Future<Boolean> markRotated(String tenantId, String id, long rotatedAt, long expiresAt) {
    return db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE api_keys SET rotated_at = ?, expires_at = ?"
                      + " WHERE id = ? AND tenant_id = ? AND revoked_at IS NULL")) {
            ps.setLong(1, rotatedAt);
            ps.setLong(2, expiresAt);
            ps.setString(3, id);
            ps.setString(4, tenantId);
            return ps.executeUpdate() > 0;
          }
        });
  }

  /** Never moves a last-used time backwards (batches may be flushed out of order). */
  @Override
  public Future<Void> touch(Map<String, Long> lastUsedById) {
    if (lastUsedById.isEmpty()) {
      return Future.succeededFuture();
    }
    return db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE api_keys SET last_used_at = ?"
                      + " WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")) {
            for (Map.Entry<String, Long> e : lastUsedById.entrySet()) {
              ps.setLong(1, e.getValue());
              ps.setString(2, e.getKey());
              ps.setLong(3, e.getValue());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  private static List<ApiKey> keys(Connection c, String sql, String tenantId) throws SQLException {
    List<ApiKey> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (tenantId != null) {
        ps.setString(1, tenantId);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new ApiKey(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  SqliteJson.stringList(rs.getString(4)),
                  rs.getString(5),
                  rs.getLong(6),
                  nullableLong(rs, 7),
                  nullableLong(rs, 8),
                  nullableLong(rs, 9),
                  nullableLong(rs, 10)));
        }
      }
    }
    return out;
  }

  private static Long nullableLong(ResultSet rs, int i) throws SQLException {
    long v = rs.getLong(i);
    return rs.wasNull() ? null : v;
  }

  private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setLong(i, v);
    }
  }
}
