-- Hourly analytics rollups (SPEC §8: analytics should not read every event of a window). One row per
-- (tenant, hour, session, agent, metric-or-not) group, maintained in the drain transaction and by
-- retention; GET /api/analytics reads whole hours here and only the partial edge hours from events.
-- Keyed down to the session so that distinct session and agent counts stay exact.
CREATE TABLE event_rollups (
  tenant_id     TEXT    NOT NULL,
  hour          TEXT    NOT NULL,
  session_id    TEXT    NOT NULL,
  agent_id      TEXT    NOT NULL,
  is_metric     INTEGER NOT NULL,
  events        INTEGER NOT NULL,
  tool_calls    INTEGER NOT NULL,
  errors        INTEGER NOT NULL,
  latency_sum   REAL    NOT NULL,
  latency_count INTEGER NOT NULL,
  cost_usd      REAL    NOT NULL,
  PRIMARY KEY (tenant_id, hour, session_id, agent_id, is_metric)
) WITHOUT ROWID
-- ;
INSERT INTO event_rollups
SELECT tenant_id, substr(timestamp, 1, 13), session_id, agent_id, is_metric, count(*),
       sum(event_type = 'tool_call'), sum(is_error),
       coalesce(sum(CASE WHEN event_type = 'tool_response' THEN duration_ms END), 0),
       count(CASE WHEN event_type = 'tool_response' THEN duration_ms END),
       coalesce(sum(CASE WHEN event_type = 'cost_tracked' THEN cost_usd END), 0)
FROM events GROUP BY 1, 2, 3, 4, 5
