package dev.agentlens.engine.store.postgres;

import dev.agentlens.engine.json.CanonicalJson;
import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.PayloadFacts;
import dev.agentlens.engine.store.AgentTouch;
import dev.agentlens.engine.store.GroupSums;
import dev.agentlens.engine.store.HourlyRollup;
import dev.agentlens.engine.store.PlannedEvent;
import dev.agentlens.engine.store.SessionKey;
import dev.agentlens.engine.store.SessionState;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The multi-row statements of a drain batch and their bind values: one array per column, expanded
 * server-side by {@code unnest}, so any number of rows is one statement with a fixed text (prepared
 * once per connection). Events go in chunks of {@link #EVENT_CHUNK} sent back to back, which keeps
 * each message a few MB and lets the client encode a chunk while the server inserts the last one.
 *
 * <p>Measured, inserts alone (10k-event batches into 200k stored rows, this schema, PostgreSQL 15,
 * 2 shared vCPUs): {@code executeBatch} of single-row inserts ~30k rows/s, one {@code unnest} ~37k,
 * chunked {@code unnest} ~42k, pgjdbc text {@code COPY} ~44k. In the whole drain write
 * (PostgresWriteBenchmark) chunked and single {@code unnest} are equal within noise (~31–33k
 * events/s at 1M stored): the server's insert into nine indexes is ~90% of a batch. COPY's few
 * percent would need a second, blocking JDBC connection type for the whole write transaction
 * (vertx-pg-client has no COPY), so the write path stays on the reactive client.
 */
final class PostgresBatchRows {
  private PostgresBatchRows() {}

  static final String INSERT_EVENTS =
      "INSERT INTO events (id, tenant_id, seq, timestamp, session_id, agent_id, event_type,"
          + " severity, payload, metadata, prev_hash, hash, is_error, is_metric, tool_name, model,"
          + " provider, cost_usd, input_tokens, output_tokens, total_tokens, cache_read_tokens,"
          + " cache_write_tokens, duration_ms, latency_ms)"
          + " SELECT * FROM unnest($1::text[], $2::text[], $3::int8[], $4::text[], $5::text[],"
          + " $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],"
          + " $12::text[], $13::bool[], $14::bool[], $15::text[], $16::text[], $17::text[],"
          + " $18::float8[], $19::float8[], $20::float8[], $21::float8[], $22::float8[],"
          + " $23::float8[], $24::float8[], $25::float8[])";

  /** Every touched session row exists (stored or placeholder) and is locked by this batch. */
  static final String UPDATE_SESSIONS =
      "UPDATE sessions s SET agent_id = v.agent_id, agent_name = v.agent_name,"
          + " started_at = v.started_at, ended_at = v.ended_at, last_event_at = v.last_event_at,"
          + " status = v.status, event_count = v.event_count,"
          + " tool_call_count = v.tool_call_count, error_count = v.error_count,"
          + " total_cost_usd = v.total_cost_usd, llm_call_count = v.llm_call_count,"
          + " total_input_tokens = v.total_input_tokens,"
          + " total_output_tokens = v.total_output_tokens, tags = v.tags,"
          + " last_seq = v.last_seq, last_hash = v.last_hash"
          + " FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],"
          + " $7::text[], $8::text[], $9::int8[], $10::int8[], $11::int8[], $12::float8[],"
          + " $13::int8[], $14::int8[], $15::int8[], $16::text[], $17::int8[], $18::text[])"
          + " AS v(tenant_id, id, agent_id, agent_name, started_at, ended_at, last_event_at,"
          + " status, event_count, tool_call_count, error_count, total_cost_usd, llm_call_count,"
          + " total_input_tokens, total_output_tokens, tags, last_seq, last_hash)"
          + " WHERE s.tenant_id = v.tenant_id AND s.id = v.id";

  /**
   * The name is fixed at creation (reference §4); first and last seen only widen. In (tenant, id)
   * order like the session locks, so concurrent writers never deadlock on agent rows.
   */
  static final String UPSERT_AGENTS =
      "INSERT INTO agents (tenant_id, id, name, first_seen_at, last_seen_at)"
          + " SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])"
          + " AS v(t, i, n, f, l) ORDER BY t COLLATE \"C\", i COLLATE \"C\""
          + " ON CONFLICT (tenant_id, id) DO UPDATE SET"
          + " first_seen_at = least(agents.first_seen_at, excluded.first_seen_at),"
          + " last_seen_at = greatest(agents.last_seen_at, excluded.last_seen_at)"
          + " WHERE agents.first_seen_at > excluded.first_seen_at"
          + " OR agents.last_seen_at < excluded.last_seen_at";

  /**
   * Adds the batch's {@link HourlyRollup} increments: additive SET, so two nodes' transactions on
   * one key add up, never overwrite. In key order (the primary key's "C" order, as retention locks
   * them) so that concurrent transactions on shared rows wait instead of deadlocking.
   */
  static final String UPSERT_ROLLUPS =
      "INSERT INTO event_rollups AS r (tenant_id, hour, session_id, agent_id, is_metric, events,"
          + " tool_calls, errors, latency_sum, latency_count, cost_usd)"
          + " SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bool[],"
          + " $6::int8[], $7::int8[], $8::int8[], $9::float8[], $10::int8[], $11::float8[])"
          + " AS v(t, h, s, a, m, n, tc, er, ls, lc, cu)"
          + " ORDER BY t COLLATE \"C\", h COLLATE \"C\", s COLLATE \"C\", a COLLATE \"C\", m"
          + " ON CONFLICT (tenant_id, hour, session_id, agent_id, is_metric) DO UPDATE SET"
          + " events = r.events + excluded.events, tool_calls = r.tool_calls + excluded.tool_calls,"
          + " errors = r.errors + excluded.errors,"
          + " latency_sum = r.latency_sum + excluded.latency_sum,"
          + " latency_count = r.latency_count + excluded.latency_count,"
          + " cost_usd = r.cost_usd + excluded.cost_usd";

  static final String INSERT_DEAD_LETTERS =
      "INSERT INTO dead_letters (tenant_id, event_id, reason, event_json, created_at)"
          + " SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])";

  /** Rows per events insert; see the class comment for why the batch is split at all. */
  static final int EVENT_CHUNK = 2500;

  static List<Tuple> eventChunks(List<PlannedEvent> planned) {
    List<Tuple> chunks = new ArrayList<>(planned.size() / EVENT_CHUNK + 1);
    for (int from = 0; from < planned.size(); from += EVENT_CHUNK) {
      chunks.add(events(planned.subList(from, Math.min(planned.size(), from + EVENT_CHUNK))));
    }
    return chunks;
  }

  static Tuple events(List<PlannedEvent> planned) {
    int n = planned.size();
    String[] id = new String[n];
    String[] tenant = new String[n];
    Long[] seq = new Long[n];
    String[] ts = new String[n];
    String[] session = new String[n];
    String[] agent = new String[n];
    String[] type = new String[n];
    String[] severity = new String[n];
    String[] payload = new String[n];
    String[] metadata = new String[n];
    String[] prev = new String[n];
    String[] hash = new String[n];
    Boolean[] error = new Boolean[n];
    Boolean[] metric = new Boolean[n];
    String[] tool = new String[n];
    String[] model = new String[n];
    String[] provider = new String[n];
    Double[][] numbers = new Double[8][n];
    for (int i = 0; i < n; i++) {
      PlannedEvent p = planned.get(i);
      Event e = p.event();
      PayloadFacts f = p.source().facts();
      id[i] = e.id();
      tenant[i] = e.tenantId();
      seq[i] = e.seq();
      ts[i] = e.timestamp();
      session[i] = e.sessionId();
      agent[i] = e.agentId();
      type[i] = e.eventType().wire();
      severity[i] = e.severity().wire();
      payload[i] = e.payload();
      metadata[i] = e.metadata();
      prev[i] = e.prevHash();
      hash[i] = e.hash();
      error[i] = p.source().isError();
      metric[i] = p.metric();
      tool[i] = f.toolName();
      model[i] = f.model();
      provider[i] = f.provider();
      numbers[0][i] = f.costUsd();
      numbers[1][i] = f.inputTokens();
      numbers[2][i] = f.outputTokens();
      numbers[3][i] = f.totalTokens();
      numbers[4][i] = f.cacheReadTokens();
      numbers[5][i] = f.cacheWriteTokens();
      numbers[6][i] = f.durationMs();
      numbers[7][i] = f.latencyMs();
    }
    List<Object> args = new ArrayList<>(25);
    args.addAll(
        List.of(
            id, tenant, seq, ts, session, agent, type, severity, payload, metadata, prev, hash,
            error, metric, tool, model, provider));
    args.addAll(List.of((Object[]) numbers));
    return Tuple.tuple(args);
  }

  static Tuple sessions(List<SessionState> sessions) {
    int n = sessions.size();
    String[][] text = new String[10][n];
    Long[][] counts = new Long[7][n];
    Double[] cost = new Double[n];
    for (int i = 0; i < n; i++) {
      SessionState s = sessions.get(i);
      text[0][i] = s.tenantId;
      text[1][i] = s.id;
      text[2][i] = s.agentId;
      text[3][i] = s.agentName;
      text[4][i] = s.startedAt;
      text[5][i] = s.endedAt;
      text[6][i] = s.lastEventAt;
      text[7][i] = s.status;
      text[8][i] = CanonicalJson.write(s.tags);
      text[9][i] = s.lastHash;
      counts[0][i] = s.eventCount;
      counts[1][i] = s.toolCallCount;
      counts[2][i] = s.errorCount;
      counts[3][i] = s.llmCallCount;
      counts[4][i] = s.totalInputTokens;
      counts[5][i] = s.totalOutputTokens;
      counts[6][i] = s.lastSeq;
      cost[i] = s.totalCostUsd;
    }
    List<Object> args = new ArrayList<>(18);
    for (int c = 0; c < 8; c++) {
      args.add(text[c]);
    }
    args.addAll(List.of(counts[0], counts[1], counts[2], cost, counts[3], counts[4], counts[5]));
    args.addAll(List.of(text[8], counts[6], text[9]));
    return Tuple.tuple(args);
  }

  static Tuple agents(List<AgentTouch> agents) {
    int n = agents.size();
    String[][] cols = new String[5][n];
    for (int i = 0; i < n; i++) {
      AgentTouch a = agents.get(i);
      cols[0][i] = a.tenantId();
      cols[1][i] = a.agentId();
      cols[2][i] = a.name();
      cols[3][i] = a.firstSeenAt();
      cols[4][i] = a.lastSeenAt();
    }
    return Tuple.tuple(new ArrayList<>(List.of((Object[]) cols)));
  }

  /** The bind arrays of {@link #UPSERT_ROLLUPS}; {@link HourlyRollup#of} made the keys unique. */
  static Tuple rollups(Collection<HourlyRollup> rollups) {
    int n = rollups.size();
    String[][] key = new String[4][n];
    Boolean[] metric = new Boolean[n];
    Long[][] counts = new Long[4][n];
    Double[][] sums = new Double[2][n];
    int i = 0;
    for (HourlyRollup r : rollups) {
      key[0][i] = r.tenantId();
      key[1][i] = r.hour();
      key[2][i] = r.sessionId();
      key[3][i] = r.agentId();
      metric[i] = r.metric();
      GroupSums s = r.sums();
      counts[0][i] = s.events();
      counts[1][i] = s.toolCalls();
      counts[2][i] = s.errors();
      counts[3][i] = s.latencyCount();
      sums[0][i] = s.latencySum();
      sums[1][i++] = s.costUsd();
    }
    return Tuple.wrap(
        new Object[] {
          key[0], key[1], key[2], key[3], metric, counts[0], counts[1], counts[2], sums[0],
          counts[3], sums[1]
        });
  }

  static Tuple keys(Collection<SessionKey> keys) {
    String[] tenants = new String[keys.size()];
    String[] ids = new String[keys.size()];
    int i = 0;
    for (SessionKey k : keys) {
      tenants[i] = k.tenantId();
      ids[i++] = k.id();
    }
    return Tuple.wrap(new Object[] {tenants, ids});
  }

  static Tuple deadLetters(List<IngestEvent> events, String reason, String now) {
    int n = events.size();
    String[][] cols = new String[5][n];
    for (int i = 0; i < n; i++) {
      IngestEvent e = events.get(i);
      cols[0][i] = e.tenantId();
      cols[1][i] = e.id();
      cols[2][i] = reason;
      cols[3][i] = PostgresDeadLetterJson.of(e);
      cols[4][i] = now;
    }
    return Tuple.tuple(new ArrayList<>(List.of((Object[]) cols)));
  }
}
