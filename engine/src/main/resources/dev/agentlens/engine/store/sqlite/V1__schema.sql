-- AgentLens Engine, SQLite schema v1. Statements are separated by lines holding only "-- ;".
-- Every events index leads with tenant_id: every read is tenant-scoped (SPEC §5).
CREATE TABLE events (
  id                 TEXT    NOT NULL,
  tenant_id          TEXT    NOT NULL,
  seq                INTEGER NOT NULL,
  timestamp          TEXT    NOT NULL,
  session_id         TEXT    NOT NULL,
  agent_id           TEXT    NOT NULL,
  event_type         TEXT    NOT NULL,
  severity           TEXT    NOT NULL,
  prev_hash          TEXT,
  hash               TEXT    NOT NULL,
  -- Typed hot fields (SPEC §8) sit before the JSON text: a large payload spills onto overflow pages,
  -- and analytics should never have to walk that chain to reach a column stored after it.
  is_error           INTEGER NOT NULL DEFAULT 0,
  is_metric          INTEGER NOT NULL DEFAULT 0,
  tool_name          TEXT,
  model              TEXT,
  provider           TEXT,
  cost_usd           REAL,
  input_tokens       REAL,
  output_tokens      REAL,
  total_tokens       REAL,
  cache_read_tokens  REAL,
  cache_write_tokens REAL,
  duration_ms        REAL,
  latency_ms         REAL,
  payload            TEXT    NOT NULL,
  metadata           TEXT    NOT NULL DEFAULT '{}'
)
-- ;
CREATE UNIQUE INDEX ux_events_tenant_event ON events (tenant_id, id)
-- ;
-- The seed's six event index names, each serving what the seed says it serves.
CREATE INDEX idx_events_timestamp ON events (tenant_id, timestamp)
-- ;
-- Chain order: verification and retention walk a session by seq.
CREATE UNIQUE INDEX idx_events_session_id ON events (tenant_id, session_id, seq)
-- ;
CREATE INDEX idx_events_agent_id ON events (tenant_id, agent_id, timestamp)
-- ;
CREATE INDEX idx_events_type ON events (tenant_id, event_type, timestamp)
-- ;
CREATE INDEX idx_events_session_ts ON events (tenant_id, session_id, timestamp, id)
-- ;
CREATE INDEX idx_events_agent_type_ts ON events (tenant_id, agent_id, event_type, timestamp)
-- ;
-- Errors are rare: a partial index makes error counts (overview, alert error rate) cheap to read and
-- costs nothing on the insert of a normal event.
CREATE INDEX idx_events_errors ON events (tenant_id, timestamp) WHERE is_error = 1
-- ;
CREATE TABLE sessions (
  tenant_id           TEXT    NOT NULL,
  id                  TEXT    NOT NULL,
  agent_id            TEXT    NOT NULL,
  agent_name          TEXT,
  started_at          TEXT    NOT NULL,
  ended_at            TEXT,
  last_event_at       TEXT    NOT NULL,
  status              TEXT    NOT NULL DEFAULT 'active',
  event_count         INTEGER NOT NULL DEFAULT 0,
  tool_call_count     INTEGER NOT NULL DEFAULT 0,
  error_count         INTEGER NOT NULL DEFAULT 0,
  total_cost_usd      REAL    NOT NULL DEFAULT 0,
  llm_call_count      INTEGER NOT NULL DEFAULT 0,
  total_input_tokens  INTEGER NOT NULL DEFAULT 0,
  total_output_tokens INTEGER NOT NULL DEFAULT 0,
  tags                TEXT    NOT NULL DEFAULT '[]',
  last_seq            INTEGER NOT NULL DEFAULT 0,
  last_hash           TEXT,
  PRIMARY KEY (tenant_id, id)
)
-- ;
CREATE INDEX idx_sessions_agent_id ON sessions (tenant_id, agent_id, started_at)
-- ;
CREATE INDEX idx_sessions_started_at ON sessions (tenant_id, started_at)
-- ;
CREATE INDEX idx_sessions_status ON sessions (tenant_id, status, started_at)
-- ;
CREATE TABLE agents (
  tenant_id      TEXT NOT NULL,
  id             TEXT NOT NULL,
  name           TEXT NOT NULL,
  description    TEXT,
  first_seen_at  TEXT NOT NULL,
  last_seen_at   TEXT NOT NULL,
  model_override TEXT,
  paused_at      TEXT,
  pause_reason   TEXT,
  PRIMARY KEY (tenant_id, id)
)
-- ;
CREATE INDEX idx_agents_last_seen ON agents (tenant_id, last_seen_at)
-- ;
CREATE TABLE alert_rules (
  id              TEXT    NOT NULL PRIMARY KEY,
  tenant_id       TEXT    NOT NULL,
  name            TEXT    NOT NULL,
  enabled         INTEGER NOT NULL DEFAULT 1,
  condition       TEXT    NOT NULL,
  threshold       REAL    NOT NULL,
  window_minutes  INTEGER NOT NULL,
  scope           TEXT    NOT NULL DEFAULT '{}',
  notify_channels TEXT    NOT NULL DEFAULT '[]',
  created_at      TEXT    NOT NULL,
  updated_at      TEXT    NOT NULL
)
-- ;
CREATE INDEX idx_alert_rules_tenant ON alert_rules (tenant_id)
-- ;
-- No foreign key to alert_rules: deleting a rule keeps its history (SPEC §6 fix).
CREATE TABLE alert_history (
  id            TEXT NOT NULL PRIMARY KEY,
  tenant_id     TEXT NOT NULL,
  rule_id       TEXT NOT NULL,
  triggered_at  TEXT NOT NULL,
  resolved_at   TEXT,
  current_value REAL NOT NULL,
  threshold     REAL NOT NULL,
  message       TEXT NOT NULL
)
-- ;
CREATE INDEX idx_alert_history_rule_id ON alert_history (rule_id, triggered_at)
-- ;
CREATE INDEX idx_alert_history_tenant_triggered ON alert_history (tenant_id, triggered_at)
-- ;
CREATE TABLE api_keys (
  id           TEXT    NOT NULL PRIMARY KEY,
  key_hash     TEXT    NOT NULL,
  name         TEXT    NOT NULL,
  scopes       TEXT    NOT NULL DEFAULT '["*"]',
  tenant_id    TEXT    NOT NULL DEFAULT 'default',
  created_at   INTEGER NOT NULL,
  last_used_at INTEGER,
  revoked_at   INTEGER,
  rotated_at   INTEGER,
  expires_at   INTEGER
)
-- ;
CREATE UNIQUE INDEX idx_api_keys_hash ON api_keys (key_hash)
-- ;
CREATE TABLE config_kv (
  key   TEXT NOT NULL PRIMARY KEY,
  value TEXT NOT NULL
)
-- ;
CREATE TABLE chain_anchors (
  id              INTEGER PRIMARY KEY,
  tenant_id       TEXT    NOT NULL,
  session_id      TEXT    NOT NULL,
  first_prev_hash TEXT,
  last_hash       TEXT    NOT NULL,
  last_seq        INTEGER NOT NULL,
  event_count     INTEGER NOT NULL,
  segment_digest  TEXT    NOT NULL,
  ts_min          TEXT    NOT NULL,
  ts_max          TEXT    NOT NULL,
  created_at      TEXT    NOT NULL
)
-- ;
CREATE INDEX idx_chain_anchors_session ON chain_anchors (tenant_id, session_id, last_seq)
-- ;
CREATE TABLE retention_runs (
  id               TEXT    NOT NULL PRIMARY KEY,
  started_at       TEXT    NOT NULL,
  finished_at      TEXT,
  cutoff           TEXT    NOT NULL,
  events_deleted   INTEGER NOT NULL DEFAULT 0,
  anchors_written  INTEGER NOT NULL DEFAULT 0,
  sessions_removed INTEGER NOT NULL DEFAULT 0,
  error            TEXT
)
-- ;
CREATE TABLE dead_letters (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  tenant_id  TEXT NOT NULL,
  event_id   TEXT NOT NULL,
  reason     TEXT NOT NULL,
  event_json TEXT NOT NULL,
  created_at TEXT NOT NULL
)
-- ;
CREATE TABLE ingest_checkpoint (
  node_id       TEXT    NOT NULL PRIMARY KEY,
  journal_index INTEGER NOT NULL,
  updated_at    TEXT    NOT NULL
)
-- ;
-- Retention sets this flag inside its own transaction; nobody else ever sees it set.
CREATE TABLE retention_guard (
  active INTEGER NOT NULL
)
-- ;
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN
  SELECT RAISE(ABORT, 'events are append-only');
END
-- ;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
WHEN NOT EXISTS (SELECT 1 FROM retention_guard)
BEGIN
  SELECT RAISE(ABORT, 'events are deleted only by retention');
END
