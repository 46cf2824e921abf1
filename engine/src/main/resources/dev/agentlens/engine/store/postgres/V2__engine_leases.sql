-- Which node runs alert evaluation now: several ingest nodes share one PostgreSQL.
CREATE TABLE engine_leases (
  name   TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  holder TEXT COLLATE "C" NOT NULL,
  until  TEXT COLLATE "C" NOT NULL
);
