package dev.agentlens.api.cli;

import dev.agentlens.api.http.ApiException;
import dev.agentlens.engine.config.AgentLensConfig;
import dev.agentlens.engine.config.ConfigException;
import dev.agentlens.engine.config.ConfigLoader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The administration CLI in the server jar (SPEC §5): {@code java -jar agentlens-engine.jar
 * <command> … [--config F]}. It loads the configuration exactly as the server does ({@code
 * --config}, {@code AGENTLENS_CONFIG}, env, {@code -Dagentlens.*}) and works on the configured
 * database directly. Exit codes: 0 success, 1 a negative outcome, 2 a usage or configuration error.
 */
public final class Cli {

  /** Every command; a new one is one class and one entry here. */
  static final List<Command> COMMANDS =
      List.of(new KeysCommand(), new VerifyCommand(), new RetentionCommand());

  private Cli() {}

  /** Whether {@code firstArg} names a CLI command (else the jar starts the server). */
  public static boolean handles(String firstArg) {
    return "help".equals(firstArg) || find(firstArg) != null;
  }

  public static int run(
      String[] args, Map<String, String> env, Properties sys, PrintStream out, PrintStream err) {
    Command command = args.length == 0 ? null : find(args[0]);
    if (command == null) {
      err.print(usage());
      return args.length > 0 && "help".equals(args[0]) ? 0 : 2;
    }
    List<String> rest = withoutConfig(args);
    AgentLensConfig config;
    try {
      Path file = ConfigLoader.locate(args, env);
      config = ConfigLoader.load(file, env, sys);
    } catch (ConfigException e) {
      err.println("agentlens: " + e.getMessage());
      return 2;
    }
    try (CliContext ctx = new CliContext(config, out, err, Clock.systemUTC())) {
      return command.run(rest, ctx);
    } catch (UsageException e) {
      err.println("agentlens " + command.name() + ": " + e.getMessage());
      err.print(command.usage());
      return 2;
    } catch (ApiException e) {
      err.println("agentlens " + command.name() + ": " + describe(e.body()));
      return e.status() == 400 ? 2 : 1;
    } catch (ConfigException e) {
      err.println("agentlens: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("agentlens " + command.name() + ": failed: " + e);
      return 1;
    }
  }

  static String usage() {
    StringBuilder b = new StringBuilder("usage: java -jar agentlens-engine.jar [--config FILE]\n");
    b.append("       (no command starts the server)\n");
    for (Command c : COMMANDS) {
      b.append(c.usage());
    }
    b.append(
        "Every command accepts --config FILE (else AGENTLENS_CONFIG, else config/agentlens.yaml)");
    b.append(" and the server's environment overrides.\n");
    return b.toString();
  }

  private static Command find(String name) {
    for (Command c : COMMANDS) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }

  /** The arguments after the command name, without {@code --config F}. */
  private static List<String> withoutConfig(String[] args) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      if ("--config".equals(args[i])) {
        i++;
      } else {
        out.add(args[i]);
      }
    }
    return out;
  }

  /** An error body as one line: the message and any field details. */
  private static String describe(JsonObject body) {
    StringBuilder b = new StringBuilder(body.getString("error", "error"));
    JsonArray details = body.getJsonArray("details");
    if (details != null) {
      for (Object d : details) {
        JsonObject o = (JsonObject) d;
        b.append("; ").append(o.getString("path")).append(": ").append(o.getString("message"));
      }
    }
    return b.toString();
  }
}
