-- Which node runs alert evaluation now (several nodes only share a database on PostgreSQL, but
-- both backends keep one contract).
CREATE TABLE engine_leases (
  name   TEXT NOT NULL PRIMARY KEY,
  holder TEXT NOT NULL,
  until  TEXT NOT NULL
)
