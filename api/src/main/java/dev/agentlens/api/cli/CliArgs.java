package dev.agentlens.api.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one command: {@code --name value} options (each at most once) and positional
 * words, checked against the options the command knows.
 */
public final class CliArgs {

  private final Map<String, String> options;
  private final List<String> positional;

  private CliArgs(Map<String, String> options, List<String> positional) {
    this.options = options;
    this.positional = positional;
  }

  /** Parses {@code args}; an option not in {@code known}, or without a value, is a usage error. */
  public static CliArgs parse(List<String> args, Set<String> known) {
    Map<String, String> options = new LinkedHashMap<>();
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("--")) {
        positional.add(a);
        continue;
      }
      String name = a.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      }
      if (!known.contains(name)) {
        throw new UsageException("unknown option --" + name);
      }
      if (value == null) {
        throw new UsageException("--" + name + " needs a value");
      }
      if (options.put(name, value) != null) {
        throw new UsageException("--" + name + " given twice");
      }
    }
    return new CliArgs(options, List.copyOf(positional));
  }

  /** The option's value, or null. */
  public String option(String name) {
    return options.get(name);
  }

  public String option(String name, String dflt) {
    return options.getOrDefault(name, dflt);
  }

  public List<String> positional() {
    return positional;
  }

  /** The only positional word, named {@code what} in the error when missing or repeated. */
  public String single(String what) {
    if (positional.size() != 1) {
      throw new UsageException(positional.isEmpty() ? what + " is required" : "too many arguments");
    }
    return positional.get(0);
  }

  /** Fails when any positional word was given. */
  public void noPositional() {
    if (!positional.isEmpty()) {
      throw new UsageException("unexpected argument " + positional.get(0));
    }
  }
}
