package dev.agentlens.engine.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Flat dotted keys → text values, with typed, validated accessors that name the key on failure. */
final class ConfigValues {
  private final Map<String, String> values;

  ConfigValues(Map<String, String> values) {
    this.values = values;
  }

  String text(String key) {
    String v = values.get(key);
    if (v == null) {
      throw new ConfigException("missing configuration key " + key);
    }
    return v;
  }

  int integer(String key, int min, int max) {
    long v = longValue(key);
    if (v < min || v > max) {
      throw new ConfigException(key + " not in [" + min + "," + max + "]: " + v);
    }
    return (int) v;
  }

  long longValue(String key) {
    try {
      return Long.parseLong(text(key).trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " is not an integer: " + text(key));
    }
  }

  boolean bool(String key) {
    String v = text(key).trim().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ConfigException(key + " is not true/false: " + v);
    };
  }

  Duration duration(String key) {
    String v = text(key).trim();
    try {
      int i = 0;
      while (i < v.length() && Character.isDigit(v.charAt(i))) {
        i++;
      }
      long n = Long.parseLong(v.substring(0, i));
      return switch (v.substring(i)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        case "d" -> Duration.ofDays(n);
        default -> throw new NumberFormatException();
      };
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      throw new ConfigException(key + " is not a duration like 250ms, 10s, 5m, 24h, 7d: " + v);
    }
  }

  long bytes(String key) {
    String v = text(key).trim();
    try {
      int i = 0;
      while (i < v.length() && Character.isDigit(v.charAt(i))) {
        i++;
      }
      long n = Long.parseLong(v.substring(0, i));
      long unit =
          switch (v.substring(i)) {
            case "" -> 1L;
            case "KiB" -> 1L << 10;
            case "MiB" -> 1L << 20;
            case "GiB" -> 1L << 30;
            default -> throw new NumberFormatException();
          };
      return Math.multiplyExact(n, unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new ConfigException(key + " is not a size like 1048576, 512KiB, 64MiB, 1GiB: " + v);
    }
  }

  /** Every key under {@code prefix.} with the prefix removed, in file order. */
  Map<String, String> section(String prefix) {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith(prefix + ".")) {
            out.put(k.substring(prefix.length() + 1), v);
          }
        });
    return out;
  }
}
