-- The dashboard index (agent + type + time) keyed agent, time, type instead of agent, type, time.
-- A drain commit rewrites a whole page for every index leaf it touches, and (agent, type, time) put
-- the newest entries of every agent × type pair on a leaf of their own: ~210 leaves per commit at
-- 10 agents, more with every agent a fleet adds. Keyed (agent, time, type), an agent's new events
-- share one leaf, and an agent + types filter still reads only the index: one walk of the agent's
-- window in time order, the type tested in the index entry, never a row per candidate.
DROP INDEX idx_events_agent_type_ts
-- ;
CREATE INDEX idx_events_agent_type_ts ON events (tenant_id, agent_id, timestamp, event_type)
-- ;
-- What the old key made cheap, counting an agent's events of some types over a window, comes from
-- hourly counts per (agent, type) instead: the whole hours from here, the partial hours at the
-- edges from the index. An agent's current hour is one run of rows, so a commit touches a page per
-- agent, as in the index. Maintained in the drain transaction and by retention, like event_rollups.
CREATE TABLE event_type_rollups (
  tenant_id  TEXT    NOT NULL,
  hour       TEXT    NOT NULL,
  agent_id   TEXT    NOT NULL,
  event_type TEXT    NOT NULL,
  events     INTEGER NOT NULL,
  PRIMARY KEY (tenant_id, agent_id, hour, event_type)
) WITHOUT ROWID
-- ;
INSERT INTO event_type_rollups
SELECT tenant_id, substr(timestamp, 1, 13), agent_id, event_type, count(*)
FROM events GROUP BY 1, 2, 3, 4
