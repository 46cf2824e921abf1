package dev.agentlens.api.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Collects validation issues while a cursor walks the request. The current path is a stack of
 * segments that is joined into a string only when an issue is reported, so a valid request
 * allocates nothing here. Messages follow zod 4's English locale, which upstream returned verbatim.
 */
final class Issues {
  /** Stands for a missing key; distinct from JSON {@code null}. */
  static final Object ABSENT = new Object();

  private String[] keys = new String[16];
  private int[] indexes = new int[16];
  private int depth;
  private final List<ValidationIssue> list = new ArrayList<>();

  void enter(String key) {
    grow();
    keys[depth] = key;
    indexes[depth++] = -1;
  }

  void enter(int index) {
    grow();
    keys[depth] = null;
    indexes[depth++] = index;
  }

  void leave() {
    depth--;
  }

  private void grow() {
    if (depth == keys.length) {
      keys = Arrays.copyOf(keys, depth * 2);
      indexes = Arrays.copyOf(indexes, depth * 2);
    }
  }

  /** Reports an issue at the current path. */
  void add(String message) {
    StringBuilder path = new StringBuilder(48);
    for (int i = 0; i < depth; i++) {
      if (i > 0) {
        path.append('.');
      }
      if (keys[i] != null) {
        path.append(keys[i]);
      } else {
        path.append(indexes[i]);
      }
    }
    list.add(new ValidationIssue(path.toString(), message));
  }

  /** Reports an issue at the current path plus {@code key}. */
  void add(String key, String message) {
    enter(key);
    add(message);
    leave();
  }

  int count() {
    return list.size();
  }

  List<ValidationIssue> list() {
    return list;
  }

  /** zod's invalid_type message. */
  static String expected(String type, Object received) {
    return "Invalid input: expected " + type + ", received " + typeName(received);
  }

  /** zod's name of a value's type (its {@code parsedType}, with non-finite numbers spelled out). */
  static String typeName(Object v) {
    if (v == ABSENT) {
      return "undefined";
    } else if (v == null) {
      return "null";
    } else if (v instanceof String) {
      return "string";
    } else if (v instanceof Double d) {
      return Double.isNaN(d)
          ? "NaN"
          : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : "number";
    } else if (v instanceof Boolean) {
      return "boolean";
    } else if (v instanceof List<?>) {
      return "array";
    } else if (v instanceof Map<?, ?>) {
      return "object";
    }
    throw new IllegalArgumentException("Not a JSON model value: " + v.getClass().getName());
  }

  /** zod's invalid_value message for an enum of strings. */
  static String oneOf(List<String> values) {
    StringBuilder b = new StringBuilder("Invalid option: expected one of ");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        b.append('|');
      }
      b.append('"').append(values.get(i)).append('"');
    }
    return b.toString();
  }
}
