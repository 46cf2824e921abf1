package dev.agentlens.api.ingest;

import dev.agentlens.engine.json.CanonicalJson;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The zod building blocks the upstream ingest schemas use, with zod 4's messages. Numbers in the
 * model are always doubles, so "int" means an integral double.
 */
final class Rules {
  private static final double MAX_SAFE_INTEGER = 9007199254740991d;

  private Rules() {}

  /** A named member of an object rule. */
  record Field(String key, Rule rule) {}

  static Field field(String key, Rule rule) {
    return new Field(key, rule);
  }

  /** {@code z.string()}. */
  static Rule str() {
    return new Str(0, null);
  }

  /** {@code z.string().min(1)}. */
  static Rule nonEmptyStr() {
    return new Str(1, "Too small: expected string to have >=1 characters");
  }

  /** {@code z.string().min(1, message)}. */
  static Rule nonEmptyStr(String message) {
    return new Str(1, message);
  }

  /** {@code z.number()}. */
  static Rule num() {
    return new Num(false, Double.NaN, false);
  }

  /** {@code z.number().min(0)}. */
  static Rule nonNegative() {
    return new Num(false, 0, true);
  }

  /** {@code z.number().int().min(0)}. */
  static Rule nonNegativeInt() {
    return new Num(true, 0, true);
  }

  /** {@code z.number().int().positive()}. */
  static Rule positiveInt() {
    return new Num(true, 0, false);
  }

  /** {@code z.boolean()}. */
  static Rule bool() {
    return (v, issues) -> {
      if (!(v instanceof Boolean)) {
        issues.add(Issues.expected("boolean", v));
      }
    };
  }

  /** {@code z.record(z.string(), z.unknown())}: any plain object. */
  static Rule record() {
    return (v, issues) -> {
      if (!(v instanceof Map<?, ?>)) {
        issues.add(Issues.expected("record", v));
      }
    };
  }

  /** A key that must be present with any value, {@code null} included. */
  static Rule present() {
    return (v, issues) -> {
      if (v == Issues.ABSENT) {
        issues.add("Invalid input: expected nonoptional, received undefined");
      }
    };
  }

  /** {@code z.string().nullable()}. */
  static Rule nullableStr() {
    return (v, issues) -> {
      if (v != null && !(v instanceof String)) {
        issues.add(Issues.expected("string", v));
      }
    };
  }

  /** {@code z.enum([...])}. */
  static Rule oneOf(List<String> values) {
    Set<String> allowed = Set.copyOf(values);
    String message = Issues.oneOf(values);
    return (v, issues) -> {
      if (!(v instanceof String s) || !allowed.contains(s)) {
        issues.add(message);
      }
    };
  }

  /** {@code rule.optional()}: a missing key passes, an explicit {@code null} does not. */
  static Rule optional(Rule rule) {
    return (v, issues) -> {
      if (v != Issues.ABSENT) {
        rule.check(v, issues);
      }
    };
  }

  /** {@code z.array(element).min(minItems)}. */
  static Rule arrayOf(Rule element, int minItems) {
    return (v, issues) -> {
      if (!(v instanceof List<?> list)) {
        issues.add(Issues.expected("array", v));
        return;
      }
      for (int i = 0, n = list.size(); i < n; i++) {
        issues.enter(i);
        element.check(list.get(i), issues);
        issues.leave();
      }
      if (list.size() < minItems) {
        issues.add("Too small: expected array to have >=" + minItems + " items");
      }
    };
  }

  /** {@code z.object({...})}, non-strict: other keys pass unchecked. */
  static Rule object(Field... fields) {
    Field[] copy = fields.clone();
    return (v, issues) -> {
      if (!(v instanceof Map<?, ?> map)) {
        issues.add(Issues.expected("object", v));
        return;
      }
      for (Field f : copy) {
        issues.enter(f.key());
        f.rule().check(member(map, f.key()), issues);
        issues.leave();
      }
    };
  }

  /** The value of {@code key}, or {@link Issues#ABSENT} when the key is missing. */
  static Object member(Map<?, ?> map, String key) {
    Object v = map.get(key);
    return v != null || map.containsKey(key) ? v : Issues.ABSENT;
  }

  /**
   * {@code z.union([z.string(), z.array(z.record(...))])}: when neither branch matches zod reports
   * one invalid_union issue at the union's own path.
   */
  static Rule stringOrRecords() {
    return (v, issues) -> {
      if (v instanceof String) {
        return;
      }
      if (v instanceof List<?> list) {
        boolean allRecords = true;
        for (Object o : list) {
          allRecords &= o instanceof Map<?, ?>;
        }
        if (allRecords) {
          return;
        }
      }
      issues.add("Invalid input");
    };
  }

  private record Str(int minLength, String tooShort) implements Rule {
    @Override
    public void check(Object v, Issues issues) {
      if (!(v instanceof String s)) {
        issues.add(Issues.expected("string", v));
      } else if (s.length() < minLength) {
        issues.add(tooShort);
      }
    }
  }

  /**
   * A number with an optional int constraint and an optional lower bound ({@code min} NaN = none).
   */
  private record Num(boolean integer, double min, boolean inclusive) implements Rule {
    @Override
    public void check(Object v, Issues issues) {
      if (!(v instanceof Double d) || !Double.isFinite(d)) {
        issues.add(Issues.expected("number", v));
        return;
      }
      if (integer) {
        if (d != Math.rint(d)) {
          issues.add("Invalid input: expected int, received number");
          return; // zod aborts the remaining checks after a failed int check
        }
        if (d > MAX_SAFE_INTEGER) {
          issues.add("Too big: expected int to be <=9007199254740991");
        } else if (d < -MAX_SAFE_INTEGER) {
          issues.add("Too small: expected int to be >=-9007199254740991");
        }
      }
      if (!Double.isNaN(min) && (inclusive ? d < min : d <= min)) {
        issues.add(
            "Too small: expected number to be "
                + (inclusive ? ">=" : ">")
                + CanonicalJson.formatNumber(min));
      }
    }
  }
}
