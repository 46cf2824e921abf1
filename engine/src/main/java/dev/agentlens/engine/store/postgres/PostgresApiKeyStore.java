package dev.agentlens.engine.store.postgres;

import dev.agentlens.engine.model.ApiKey;
import dev.agentlens.engine.store.ApiKeyStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Map;

/**
 * API keys in api_keys: only the SHA-256 of a key is stored, times are unix seconds (null when
 * unset). A revoked key is never changed again: revoking or rotating it reports false, as for a key
 * that is missing or another tenant's.
 */
final class PostgresApiKeyStore implements ApiKeyStore {

  private static final String COLUMNS =
      "SELECT id, key_hash, name, scopes, tenant_id, created_at, last_used_at, revoked_at,"
          + " rotated_at, expires_at FROM api_keys";

  private final PostgresDatabase db;

  PostgresApiKeyStore(PostgresDatabase db) {
    this.db = db;
  }

  @Override
  public Future<Void> insert(ApiKey k) {
    return db.query(
            "INSERT INTO api_keys (id, key_hash, name, scopes, tenant_id, created_at,"
                + " last_used_at, revoked_at, rotated_at, expires_at)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            Tuple.of(
                k.id(),
                k.keyHash(),
                k.name(),
                PostgresRows.json(k.scopes()),
                k.tenantId(),
                k.createdAt(),
                k.lastUsedAt(),
                k.revokedAt(),
                k.rotatedAt(),
                k.expiresAt()))
        .mapEmpty();
  }

  @Override
  public Future<List<ApiKey>> all() {
    return db.query(COLUMNS + " ORDER BY created_at, id", Tuple.tuple())
        .map(rows -> PostgresRows.map(rows, PostgresApiKeyStore::key));
  }

  @Override
  public Future<List<ApiKey>> list(String tenantId) {
    return db.query(
            COLUMNS + " WHERE tenant_id = $1 ORDER BY created_at DESC, id DESC", Tuple.of(tenantId))
        .map(rows -> PostgresRows.map(rows, PostgresApiKeyStore::key));
  }

  @Override
  public Future<Boolean> revoke(String tenantId, String id, long revokedAtSeconds) {
    return db.query(
            "UPDATE api_keys SET revoked_at = $1"
                + " WHERE id = $2 AND tenant_id = $3 AND revoked_at IS NULL",
            Tuple.of(revokedAtSeconds, id, tenantId))
        .map(rows -> rows.rowCount() > 0);
  }

  @Override
  public Future<Boolean> markRotated(String tenantId, String id, long rotatedAt, long expiresAt) {
    return db.query(
            "UPDATE api_keys SET rotated_at = $1, expires_at = $2"
                + " WHERE id = $3 AND tenant_id = $4 AND revoked_at IS NULL",
            Tuple.of(rotatedAt, expiresAt, id, tenantId))
        .map(rows -> rows.rowCount() > 0);
  }

  /** Never moves a last-used time backwards (batches may be flushed out of order). */
  @Override
  public Future<Void> touch(Map<String, Long> lastUsedById) {
    if (lastUsedById.isEmpty()) {
      return Future.succeededFuture();
    }
    String[] ids = new String[lastUsedById.size()];
    Long[] times = new Long[lastUsedById.size()];
    int i = 0;
    for (Map.Entry<String, Long> e : lastUsedById.entrySet()) {
      ids[i] = e.getKey();
      times[i++] = e.getValue();
    }
    return db.query(
            "UPDATE api_keys k SET last_used_at = v.t FROM unnest($1::text[], $2::int8[]) AS v(id,"
                + " t) WHERE k.id = v.id AND (k.last_used_at IS NULL OR k.last_used_at < v.t)",
            Tuple.wrap(new Object[] {ids, times}))
        .mapEmpty();
  }

  private static ApiKey key(Row r) {
    return new ApiKey(
        r.getString(0),
        r.getString(1),
        r.getString(2),
        PostgresRows.stringList(r.getString(3)),
        r.getString(4),
        r.getLong(5),
        r.getLong(6),
        r.getLong(7),
        r.getLong(8),
        r.getLong(9));
  }
}
