package dev.agentlens.engine.store.sqlite;

import dev.agentlens.engine.store.ConfigStore;
import dev.agentlens.engine.store.StoreSettings;
import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Runtime settings in config_kv (e.g. retentionDays); {@link #all} is ordered by key. */
final class SqliteConfigStore implements ConfigStore {

  private final SqliteDatabase db;

  SqliteConfigStore(SqliteDatabase db, StoreSettings settings) {
    this.db = db;
  }

  @Override
  public Future<Optional<String>> get(String key) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT value FROM config_kv WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public Future<Void> put(String key, String value) {
    return db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO config_kv (key, value) VALUES (?, ?)"
                      + " ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public Future<Map<String, String>> all() {
    return db.read(
        c -> {
          Map<String, String> out = new LinkedHashMap<>();
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT key, value FROM config_kv ORDER BY key");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.put(rs.getString(1), rs.getString(2));
            }
          }
          return out;
        });
  }
}
