package dev.agentlens.bench.harness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} and {@code --flag} options of a subcommand; unknown names are refused. */
final class Args {
  private final Map<String, String> values = new LinkedHashMap<>();

  Args(List<String> args, List<String> flags, List<String> options) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (flags.contains(a)) {
        values.put(a, "true");
      } else if (options.contains(a) && i + 1 < args.size()) {
        values.put(a, args.get(++i));
      } else {
        throw new IllegalArgumentException(
            "unknown or incomplete option '" + a + "'; options: " + options + " flags: " + flags);
      }
    }
  }

  boolean flag(String name) {
    return values.containsKey(name);
  }

  String get(String name, String dflt) {
    return values.getOrDefault(name, dflt);
  }

  int integer(String name, int dflt) {
    return values.containsKey(name) ? parseCount(values.get(name)) : dflt;
  }

  /** Accepts 25000, 25k, 10M. */
  static int parseCount(String s) {
    String t = s.trim().toLowerCase(java.util.Locale.ROOT).replace("_", "");
    int mult = 1;
    if (t.endsWith("k")) {
      mult = 1_000;
      t = t.substring(0, t.length() - 1);
    } else if (t.endsWith("m")) {
      mult = 1_000_000;
      t = t.substring(0, t.length() - 1);
    }
    return Math.toIntExact(Math.round(Double.parseDouble(t) * mult));
  }
}
