package dev.agentlens.engine.store.postgres;

import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An AND of conditions and their bind values, built in step so that a filter can never be
 * concatenated into the SQL text. Conditions are fixed SQL written in this package with {@code ?}
 * where a value binds; {@link #sql} numbers them {@code $1, $2, …} in order. (No condition of this
 * package contains a literal question mark.)
 */
final class PostgresWhere {
  private final List<String> conditions = new ArrayList<>();
  private final List<Object> values = new ArrayList<>();

  /** Adds {@code condition} with one value per {@code ?} in it. */
  PostgresWhere and(String condition, Object... bound) {
    conditions.add(condition);
    Collections.addAll(values, bound);
    return this;
  }

  /** Adds {@code condition} only when {@code value} is present (a null filter means none). */
  PostgresWhere andIfPresent(String condition, Object value) {
    return value == null ? this : and(condition, value);
  }

  /** {@code column = ANY(?)}; an empty list means no filter. */
  PostgresWhere andIn(String column, List<String> in) {
    return in.isEmpty() ? this : and(column + " = ANY(?)", (Object) in.toArray(String[]::new));
  }

  /**
   * Substring match with SQLite's LIKE semantics (reference §5): ASCII letters match either case,
   * every other character only itself. {@code lower()} under the "C" collation folds ASCII only,
   * and the term is folded the same way here; wildcards and the escape character are escaped.
   */
  PostgresWhere andContains(String column, String term) {
    if (term == null) {
      return this;
    }
    StringBuilder pattern = new StringBuilder(term.length() + 8).append('%');
    for (int i = 0; i < term.length(); i++) {
      char ch = term.charAt(i);
      if (ch == '%' || ch == '_' || ch == '\\') {
        pattern.append('\\');
      }
      pattern.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch);
    }
    return and(
        "lower(" + column + " COLLATE \"C\") LIKE ? ESCAPE '\\'", pattern.append('%').toString());
  }

  /** Appends a value that a later part of the statement (LIMIT, OFFSET) binds with {@code ?}. */
  PostgresWhere bindLater(Object value) {
    values.add(value);
    return this;
  }

  /** The clause including the leading {@code WHERE}, or empty; {@code ?} still unnumbered. */
  String clause() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** Just the conditions joined by AND (for a caller that writes its own WHERE). */
  String conditions() {
    return String.join(" AND ", conditions);
  }

  Tuple tuple() {
    return Tuple.wrap(new ArrayList<>(values));
  }

  /** Numbers the {@code ?} of a whole statement as {@code $1, $2, …}. */
  static String sql(String withQuestionMarks) {
    StringBuilder out = new StringBuilder(withQuestionMarks.length() + 16);
    int n = 0;
    for (int i = 0; i < withQuestionMarks.length(); i++) {
      char ch = withQuestionMarks.charAt(i);
      if (ch == '?') {
        out.append('$').append(++n);
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }
}
