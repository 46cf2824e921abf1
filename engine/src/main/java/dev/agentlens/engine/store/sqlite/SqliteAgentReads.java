package dev.agentlens.engine.store.sqlite;

import dev.agentlens.engine.model.Agent;
import dev.agentlens.engine.store.AgentReads;
import dev.agentlens.engine.store.StoreSettings;
import io.vertx.core.Future;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Agent reads (reference §4). {@code sessionCount} is counted from the sessions rows in the same
 * query (through idx_sessions_agent_id) rather than kept as a counter that could drift.
 */
final class SqliteAgentReads implements AgentReads {

  private static final String SELECT_AGENTS =
      "SELECT " + SqliteRows.AGENT_COLUMNS + " FROM agents a WHERE a.tenant_id = ?";

  private final SqliteDatabase db;

  SqliteAgentReads(SqliteDatabase db, StoreSettings settings) {
    this.db = db;
  }

  @Override
  public Future<List<Agent>> list(String tenantId) {
    return db.read(
        c -> {
          List<Agent> agents = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(SELECT_AGENTS + " ORDER BY a.last_seen_at DESC, a.id DESC")) {
            ps.setString(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                agents.add(SqliteRows.agent(rs));
              }
            }
          }
          return agents;
        });
  }

  @Override
  public Future<Optional<Agent>> get(String tenantId, String id) {
    return db.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(SELECT_AGENTS + " AND a.id = ?")) {
            ps.setString(1, tenantId);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(SqliteRows.agent(rs)) : Optional.empty();
            }
          }
        });
  }
}
