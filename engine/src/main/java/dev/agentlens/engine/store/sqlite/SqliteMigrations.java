package dev.agentlens.engine.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * Versioned migrations applied at startup, each in its own transaction and recorded in {@code
 * schema_migrations}. A database newer than this build is refused rather than guessed at.
 */
final class SqliteMigrations {

  /** In order; a released file is never edited, a change is a new version. */
  static final List<String> FILES =
      List.of(
          "V1__schema.sql",
          "V2__engine_leases.sql",
          "V3__event_rollups.sql",
          "V4__agent_type_counts.sql",
          "V5__integer_time_keys.sql");

  private final Connection connection;

  SqliteMigrations(Connection connection) {
    this.connection = connection;
  }

  void apply() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS schema_migrations ("
              + "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    }
    int current = currentVersion();
    if (current > FILES.size()) {
      throw new IllegalStateException(
          "database schema version "
              + current
              + " is newer than this build ("
              + FILES.size()
              + ")");
    }
    for (int v = current + 1; v <= FILES.size(); v++) {
      applyOne(v, FILES.get(v - 1));
    }
  }

  int currentVersion() throws SQLException {
    try (Statement s = connection.createStatement();
        var rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_migrations")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private void applyOne(int version, String name) throws SQLException {
    String script = load(name);
    connection.setAutoCommit(false);
    try (Statement s = connection.createStatement()) {
      for (String statement : script.split("(?m)^-- ;\\s*$")) {
        if (!statement.replaceAll("(?m)^--.*$", "").isBlank()) {
          s.execute(statement);
        }
      }
      try (PreparedStatement ps =
          connection.prepareStatement(
              "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)")) {
        ps.setInt(1, version);
        ps.setString(2, name);
        ps.setString(3, Instant.now().toString());
        ps.executeUpdate();
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private static String load(String name) {
    try (InputStream in = SqliteMigrations.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing migration " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
