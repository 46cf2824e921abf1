package dev.agentlens.api.cli;

import java.util.List;

/**
 * One top-level CLI command ({@code keys}, {@code verify}, …). Adding a command is one class
 * implementing this plus one entry in {@link Cli#COMMANDS}.
 */
public interface Command {

  /** The first argument that selects this command. */
  String name();

  /** Usage lines, shown by {@code help} and after a usage error. */
  String usage();

  /**
   * Runs with the arguments after the command name ({@code --config F} already removed), parsed
   * with {@link CliArgs#parse}.
   *
   * @return the process exit code: 0 success, 1 a negative outcome (e.g. a broken chain, a key not
   *     found); usage errors are thrown as {@link UsageException} (exit 2)
   */
  int run(List<String> args, CliContext ctx) throws Exception;
}
