package dev.agentlens.engine.store.postgres;

import dev.agentlens.engine.store.ConfigStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Runtime settings in config_kv (e.g. retentionDays); {@link #all} is ordered by key. */
final class PostgresConfigStore implements ConfigStore {

  private final PostgresDatabase db;

  PostgresConfigStore(PostgresDatabase db) {
    this.db = db;
  }

  @Override
  public Future<Optional<String>> get(String key) {
    return db.query("SELECT value FROM config_kv WHERE key = $1", Tuple.of(key))
        .map(rows -> PostgresRows.map(rows, r -> r.getString(0)).stream().findFirst());
  }

  @Override
  public Future<Void> put(String key, String value) {
    return db.query(
            "INSERT INTO config_kv (key, value) VALUES ($1, $2)"
                + " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            Tuple.of(key, value))
        .mapEmpty();
  }

  @Override
  public Future<Map<String, String>> all() {
    return db.query("SELECT key, value FROM config_kv ORDER BY key", Tuple.tuple())
        .map(
            rows -> {
              Map<String, String> out = new LinkedHashMap<>();
              for (Row r : rows) {
                out.put(r.getString(0), r.getString(1));
              }
              return out;
            });
  }
}
