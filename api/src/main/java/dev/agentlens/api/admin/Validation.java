package dev.agentlens.api.admin;

import dev.agentlens.api.http.ApiException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Collects the issues of one admin request body and fails it as a whole with 400 {@code Validation
 * failed} and {@code details:[{path,message}]} (reference §11.1). Messages follow zod 4's English
 * locale, as upstream returned them; numbers are the doubles of the {@code CanonicalJson} model.
 */
final class Validation {
  /** Stands for a missing key; distinct from JSON {@code null}. */
  static final Object ABSENT = new Object();

  private static final double MAX_SAFE_INTEGER = 9007199254740991d;

  private final JsonArray details = new JsonArray();

  void add(String path, String message) {
    details.add(new JsonObject().put("path", path).put("message", message));
  }

  boolean isEmpty() {
    return details.isEmpty();
  }

  /** Throws the 400 when anything was reported. */
  void throwIfAny() {
    if (!details.isEmpty()) {
      throw new ApiException(
          400, new JsonObject().put("error", "Validation failed").put("details", details.copy()));
    }
  }

  static Object value(Map<String, Object> body, String key) {
    return body.containsKey(key) ? body.get(key) : ABSENT;
  }

  /** {@code z.string().min(min).max(max)}; returns the string or null after reporting. */
  String string(String path, Object v, int min, int max) {
    if (!(v instanceof String s)) {
      add(path, expected("string", v));
      return null;
    }
    int length = s.length(); // UTF-16 units, as JavaScript (and so zod) counts
    if (length < min) {
      add(path, "Too small: expected string to have >=" + min + " characters");
      return null;
    }
    if (length > max) {
      add(path, "Too big: expected string to have <=" + max + " characters");
      return null;
    }
    return s;
  }

  /** {@code z.number().min(min)} (finite); NaN after reporting. */
  double number(String path, Object v, double min) {
    if (!(v instanceof Double d) || d.isNaN() || d.isInfinite()) {
      add(path, expected("number", v));
      return Double.NaN;
    }
    if (d < min) {
      add(path, "Too small: expected number to be >=" + format(min));
      return Double.NaN;
    }
    return d;
  }

  /** {@code z.number().int().min(min).max(max)}; null after reporting. */
  Integer integer(String path, Object v, int min, int max) {
    if (!(v instanceof Double d) || d.isNaN() || d.isInfinite()) {
      add(path, expected("number", v));
      return null;
    }
    if (d != Math.rint(d) || Math.abs(d) > MAX_SAFE_INTEGER) {
      add(path, "Invalid input: expected int, received number");
      return null;
    }
    if (d < min) {
      add(path, "Too small: expected number to be >=" + min);
      return null;
    }
    if (d > max) {
      add(path, "Too big: expected number to be <=" + max);
      return null;
    }
    return d.intValue();
  }

  /** {@code z.boolean()}; null after reporting. */
  Boolean bool(String path, Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    add(path, expected("boolean", v));
    return null;
  }

  /** {@code z.array(z.string().min(min).max(max)).max(maxItems)}; null after reporting. */
  List<String> strings(String path, Object v, int min, int max, int maxItems) {
    if (!(v instanceof List<?> list)) {
      add(path, expected("array", v));
      return null;
    }
    if (list.size() > maxItems) {
      add(path, "Too big: expected array to have <=" + maxItems + " items");
      return null;
    }
    int before = details.size();
    String[] out = new String[list.size()];
    for (int i = 0; i < list.size(); i++) {
      out[i] = string(path + "." + i, list.get(i), min, max);
    }
    return details.size() == before ? List.of(out) : null;
  }

  /** zod's invalid_type message. */
  static String expected(String type, Object received) {
    return "Invalid input: expected " + type + ", received " + typeName(received);
  }

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
    return v.getClass().getSimpleName();
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

  private static String format(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
