-- Hourly analytics rollups (SPEC §8: analytics should not read every event of a window), as on
-- SQLite. One row per (tenant, hour, session, agent, metric-or-not) group, maintained in the drain
-- transaction and by retention; GET /api/analytics reads whole hours here and only the partial
-- edge hours from events. Keyed down to the session so that distinct session and agent counts stay
-- exact. The sums only ever change by addition (ON CONFLICT … SET x = x + excluded.x), so drain
-- transactions of several nodes on one key add up instead of overwriting each other.
CREATE TABLE event_rollups (
  tenant_id     TEXT COLLATE "C" NOT NULL,
  hour          TEXT COLLATE "C" NOT NULL,
  session_id    TEXT COLLATE "C" NOT NULL,
  agent_id      TEXT COLLATE "C" NOT NULL,
  is_metric     BOOLEAN          NOT NULL,
  events        BIGINT           NOT NULL,
  tool_calls    BIGINT           NOT NULL,
  errors        BIGINT           NOT NULL,
  latency_sum   DOUBLE PRECISION NOT NULL,
  latency_count BIGINT           NOT NULL,
  cost_usd      DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (tenant_id, hour, session_id, agent_id, is_metric)
);

-- The backfill reads every event once, far longer than a query's statement_timeout on a large
-- database; SET LOCAL ends with the migration transaction.
SET LOCAL statement_timeout = 0;
INSERT INTO event_rollups
SELECT tenant_id, substr(timestamp, 1, 13), session_id, agent_id, is_metric, count(*),
       count(*) FILTER (WHERE event_type = 'tool_call'),
       count(*) FILTER (WHERE is_error),
       coalesce(sum(duration_ms) FILTER (WHERE event_type = 'tool_response'), 0),
       count(duration_ms) FILTER (WHERE event_type = 'tool_response'),
       coalesce(sum(cost_usd) FILTER (WHERE event_type = 'cost_tracked'), 0)
FROM events GROUP BY 1, 2, 3, 4, 5;
