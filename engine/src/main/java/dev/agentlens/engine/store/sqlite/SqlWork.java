package dev.agentlens.engine.store.sqlite;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of JDBC work run on a store thread with a connection it does not own. */
@FunctionalInterface
interface SqlWork<T> {
  T apply(Connection connection) throws SQLException;
}
