package dev.agentlens.engine.store.postgres;

import dev.agentlens.engine.model.Agent;
import dev.agentlens.engine.store.AgentReads;
import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;

/**
 * Agent reads (reference §4). {@code sessionCount} is counted from the sessions rows in the same
 * query (through idx_sessions_agent_id) rather than kept as a counter that could drift.
 */
final class PostgresAgentReads implements AgentReads {

  private static final String SELECT_AGENTS =
      "SELECT " + PostgresRows.AGENT_COLUMNS + " FROM agents a WHERE a.tenant_id = $1";

  private final PostgresDatabase db;

  PostgresAgentReads(PostgresDatabase db) {
    this.db = db;
  }

  @Override
  public Future<List<Agent>> list(String tenantId) {
    return db.query(SELECT_AGENTS + " ORDER BY a.last_seen_at DESC, a.id DESC", Tuple.of(tenantId))
        .map(rows -> PostgresRows.map(rows, PostgresRows::agent));
  }

  @Override
  public Future<Optional<Agent>> get(String tenantId, String id) {
    return db.query(SELECT_AGENTS + " AND a.id = $2", Tuple.of(tenantId, id))
        .map(rows -> PostgresRows.map(rows, PostgresRows::agent).stream().findFirst());
  }
}
