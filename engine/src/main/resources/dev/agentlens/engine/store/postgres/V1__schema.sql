-- AgentLens Engine, PostgreSQL schema v1: the tables and index names of the SQLite schema (SPEC §8).
-- Run as one script inside the migration transaction. Every text column is COLLATE "C" so that
-- ordering and comparison are byte order, exactly as on SQLite (canonical timestamps sort as time).
-- payload and metadata keep the canonical JSON text (SPEC §2: never jsonb).
CREATE TABLE events (
  id                 TEXT COLLATE "C" NOT NULL,
  tenant_id          TEXT COLLATE "C" NOT NULL,
  seq                BIGINT           NOT NULL,
  timestamp          TEXT COLLATE "C" NOT NULL,
  session_id         TEXT COLLATE "C" NOT NULL,
  agent_id           TEXT COLLATE "C" NOT NULL,
  event_type         TEXT COLLATE "C" NOT NULL,
  severity           TEXT COLLATE "C" NOT NULL,
  prev_hash          TEXT COLLATE "C",
  hash               TEXT COLLATE "C" NOT NULL,
  is_error           BOOLEAN          NOT NULL DEFAULT FALSE,
  is_metric          BOOLEAN          NOT NULL DEFAULT FALSE,
  tool_name          TEXT COLLATE "C",
  model              TEXT COLLATE "C",
  provider           TEXT COLLATE "C",
  cost_usd           DOUBLE PRECISION,
  input_tokens       DOUBLE PRECISION,
  output_tokens      DOUBLE PRECISION,
  total_tokens       DOUBLE PRECISION,
  cache_read_tokens  DOUBLE PRECISION,
  cache_write_tokens DOUBLE PRECISION,
  duration_ms        DOUBLE PRECISION,
  latency_ms         DOUBLE PRECISION,
  payload            TEXT COLLATE "C" NOT NULL,
  metadata           TEXT COLLATE "C" NOT NULL DEFAULT '{}'
);
CREATE UNIQUE INDEX ux_events_tenant_event ON events (tenant_id, id);
-- The seed's six event index names, each serving what the seed says it serves.
CREATE INDEX idx_events_timestamp ON events (tenant_id, timestamp);
-- Chain order: verification and retention walk a session by seq; unique, so two writers can never
-- give one session the same seq.
CREATE UNIQUE INDEX idx_events_session_id ON events (tenant_id, session_id, seq);
CREATE INDEX idx_events_agent_id ON events (tenant_id, agent_id, timestamp);
CREATE INDEX idx_events_type ON events (tenant_id, event_type, timestamp);
CREATE INDEX idx_events_session_ts ON events (tenant_id, session_id, timestamp, id);
CREATE INDEX idx_events_agent_type_ts ON events (tenant_id, agent_id, event_type, timestamp);
CREATE INDEX idx_events_errors ON events (tenant_id, timestamp) WHERE is_error;

CREATE TABLE sessions (
  tenant_id           TEXT COLLATE "C" NOT NULL,
  id                  TEXT COLLATE "C" NOT NULL,
  agent_id            TEXT COLLATE "C" NOT NULL,
  agent_name          TEXT COLLATE "C",
  started_at          TEXT COLLATE "C" NOT NULL,
  ended_at            TEXT COLLATE "C",
  last_event_at       TEXT COLLATE "C" NOT NULL,
  status              TEXT COLLATE "C" NOT NULL DEFAULT 'active',
  event_count         BIGINT           NOT NULL DEFAULT 0,
  tool_call_count     BIGINT           NOT NULL DEFAULT 0,
  error_count         BIGINT           NOT NULL DEFAULT 0,
  total_cost_usd      DOUBLE PRECISION NOT NULL DEFAULT 0,
  llm_call_count      BIGINT           NOT NULL DEFAULT 0,
  total_input_tokens  BIGINT           NOT NULL DEFAULT 0,
  total_output_tokens BIGINT           NOT NULL DEFAULT 0,
  tags                TEXT COLLATE "C" NOT NULL DEFAULT '[]',
  -- 0 only on the placeholder row a drain transaction inserts to lock a new session; it is filled
  -- or deleted before that transaction commits, so no committed session has last_seq 0.
  last_seq            BIGINT           NOT NULL DEFAULT 0,
  last_hash           TEXT COLLATE "C",
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX idx_sessions_agent_id ON sessions (tenant_id, agent_id, started_at);
CREATE INDEX idx_sessions_started_at ON sessions (tenant_id, started_at);
CREATE INDEX idx_sessions_status ON sessions (tenant_id, status, started_at);

CREATE TABLE agents (
  tenant_id      TEXT COLLATE "C" NOT NULL,
  id             TEXT COLLATE "C" NOT NULL,
  name           TEXT COLLATE "C" NOT NULL,
  description    TEXT COLLATE "C",
  first_seen_at  TEXT COLLATE "C" NOT NULL,
  last_seen_at   TEXT COLLATE "C" NOT NULL,
  model_override TEXT COLLATE "C",
  paused_at      TEXT COLLATE "C",
  pause_reason   TEXT COLLATE "C",
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX idx_agents_last_seen ON agents (tenant_id, last_seen_at);

CREATE TABLE alert_rules (
  id              TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  tenant_id       TEXT COLLATE "C" NOT NULL,
  name            TEXT COLLATE "C" NOT NULL,
  enabled         BOOLEAN          NOT NULL DEFAULT TRUE,
  condition       TEXT COLLATE "C" NOT NULL,
  threshold       DOUBLE PRECISION NOT NULL,
  window_minutes  INTEGER          NOT NULL,
  scope           TEXT COLLATE "C" NOT NULL DEFAULT '{}',
  notify_channels TEXT COLLATE "C" NOT NULL DEFAULT '[]',
  created_at      TEXT COLLATE "C" NOT NULL,
  updated_at      TEXT COLLATE "C" NOT NULL
);
CREATE INDEX idx_alert_rules_tenant ON alert_rules (tenant_id);

-- No foreign key to alert_rules: deleting a rule keeps its history (SPEC §6 fix).
CREATE TABLE alert_history (
  id            TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  tenant_id     TEXT COLLATE "C" NOT NULL,
  rule_id       TEXT COLLATE "C" NOT NULL,
  triggered_at  TEXT COLLATE "C" NOT NULL,
  resolved_at   TEXT COLLATE "C",
  current_value DOUBLE PRECISION NOT NULL,
  threshold     DOUBLE PRECISION NOT NULL,
  message       TEXT COLLATE "C" NOT NULL
);
CREATE INDEX idx_alert_history_rule_id ON alert_history (rule_id, triggered_at);
CREATE INDEX idx_alert_history_tenant_triggered ON alert_history (tenant_id, triggered_at);

CREATE TABLE api_keys (
  id           TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  key_hash     TEXT COLLATE "C" NOT NULL,
  name         TEXT COLLATE "C" NOT NULL,
  scopes       TEXT COLLATE "C" NOT NULL DEFAULT '["*"]',
  tenant_id    TEXT COLLATE "C" NOT NULL DEFAULT 'default',
  created_at   BIGINT           NOT NULL,
  last_used_at BIGINT,
  revoked_at   BIGINT,
  rotated_at   BIGINT,
  expires_at   BIGINT
);
CREATE UNIQUE INDEX idx_api_keys_hash ON api_keys (key_hash);

CREATE TABLE config_kv (
  key   TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  value TEXT COLLATE "C" NOT NULL
);

CREATE TABLE chain_anchors (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id       TEXT COLLATE "C" NOT NULL,
  session_id      TEXT COLLATE "C" NOT NULL,
  first_prev_hash TEXT COLLATE "C",
  last_hash       TEXT COLLATE "C" NOT NULL,
  last_seq        BIGINT           NOT NULL,
  event_count     BIGINT           NOT NULL,
  segment_digest  TEXT COLLATE "C" NOT NULL,
  ts_min          TEXT COLLATE "C" NOT NULL,
  ts_max          TEXT COLLATE "C" NOT NULL,
  created_at      TEXT COLLATE "C" NOT NULL
);
CREATE INDEX idx_chain_anchors_session ON chain_anchors (tenant_id, session_id, last_seq);

CREATE TABLE retention_runs (
  id               TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  started_at       TEXT COLLATE "C" NOT NULL,
  finished_at      TEXT COLLATE "C",
  cutoff           TEXT COLLATE "C" NOT NULL,
  events_deleted   BIGINT           NOT NULL DEFAULT 0,
  anchors_written  BIGINT           NOT NULL DEFAULT 0,
  sessions_removed BIGINT           NOT NULL DEFAULT 0,
  error            TEXT COLLATE "C"
);

CREATE TABLE dead_letters (
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id  TEXT COLLATE "C" NOT NULL,
  event_id   TEXT COLLATE "C" NOT NULL,
  reason     TEXT COLLATE "C" NOT NULL,
  event_json TEXT COLLATE "C" NOT NULL,
  created_at TEXT COLLATE "C" NOT NULL
);

-- One row per ingest node (SPEC §1, issue 6): each drainer resumes after its own journal index.
CREATE TABLE ingest_checkpoint (
  node_id       TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  journal_index BIGINT           NOT NULL,
  updated_at    TEXT COLLATE "C" NOT NULL
);

-- Append-only events (SPEC §3). Statement-level, so they cost nothing per inserted row. Retention
-- sets the transaction-local flag agentlens.retention = 'on' (set_config(…, true)); nobody else
-- ever sees it set, and it is gone at commit or rollback.
CREATE FUNCTION events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only';
END
$$;

CREATE FUNCTION events_guard_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('agentlens.retention', true), '') <> 'on' THEN
    RAISE EXCEPTION 'events are deleted only by retention';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION events_refuse_change();

CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION events_guard_delete();

CREATE TRIGGER events_append_only_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION events_refuse_change();
