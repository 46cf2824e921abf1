package dev.agentlens.engine.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An AND of conditions and their bind values, built in step so a filter can never be concatenated
 * into the SQL text. Conditions are fixed SQL written in this package; values only ever bind.
 */
final class SqliteWhere {
  private final List<String> conditions = new ArrayList<>();
  private final List<Object> values = new ArrayList<>();

  /** Adds {@code condition} with one value per {@code ?} in it. */
  SqliteWhere and(String condition, Object... bound) {
    conditions.add(condition);
    Collections.addAll(values, bound);
    return this;
  }

  /** Adds {@code condition} only when {@code value} is present (a null filter means none). */
  SqliteWhere andIfPresent(String condition, Object value) {
    return value == null ? this : and(condition, value);
  }

  /** {@code column IN (…)}; an empty list means no filter. */
  SqliteWhere andIn(String column, List<String> in) {
    if (in.isEmpty()) {
      return this;
    }
    conditions.add(column + " IN (" + placeholders(in.size()) + ")");
    values.addAll(in);
    return this;
  }

  /**
   * Substring match: {@code column LIKE '%term%' ESCAPE '\'} with the wildcards and the escape
   * character escaped; ASCII case-insensitive, as SQLite's LIKE is. A null term means no filter.
   */
  SqliteWhere andContains(String column, String term) {
    if (term == null) {
      return this;
    }
    StringBuilder pattern = new StringBuilder(term.length() + 8).append('%');
    for (int i = 0; i < term.length(); i++) {
      char ch = term.charAt(i);
      if (ch == '%' || ch == '_' || ch == '\\') {
        pattern.append('\\');
      }
      pattern.append(ch);
    }
    return and(column + " LIKE ? ESCAPE '\\'", pattern.append('%').toString());
  }

  /** The clause including the leading {@code WHERE} (there is always a tenant condition). */
  String sql() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** Binds the values from parameter 1; returns the next free parameter index. */
  int bind(PreparedStatement ps) throws SQLException {
    return bind(ps, 1);
  }

  /** Binds the values from parameter {@code first}; returns the next free parameter index. */
  int bind(PreparedStatement ps, int first) throws SQLException {
    int i = first;
    for (Object v : values) {
      ps.setObject(i++, v);
    }
    return i;
  }

  static String placeholders(int n) {
    return String.join(",", Collections.nCopies(n, "?"));
  }
}
