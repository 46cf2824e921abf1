package dev.agentlens.api;

import dev.agentlens.engine.config.AgentLensConfig;
import dev.agentlens.engine.config.ConfigException;
import dev.agentlens.engine.config.ConfigLoader;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * {@code java -jar agentlens-engine.jar [--config file]}: the server; {@code java -jar
 * agentlens-engine.jar <command> …} ({@code keys}, {@code verify}, {@code help}): the CLI.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    // Before any Chronicle class loads: never phone home.
    System.setProperty("chronicle.analytics.disable", "true");
    System.setProperty("chronicle.announcer.disable", "true");
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
      args = new String[] {"help"};
    }
    if (args.length > 0
        && !args[0].equals("--config")
        && !dev.agentlens.api.cli.Cli.handles(args[0])) {
      System.err.println("agentlens: unknown argument '" + args[0] + "' (try: help)");
      System.exit(2);
      return;
    }
    if (args.length > 0 && dev.agentlens.api.cli.Cli.handles(args[0])) {
      System.exit(
          dev.agentlens.api.cli.Cli.run(
              args, System.getenv(), System.getProperties(), System.out, System.err));
      return;
    }
    Logger log = Logger.getLogger(Main.class.getName());
    AgentLensConfig config;
    try {
      Path file = ConfigLoader.locate(args, System.getenv());
      config = ConfigLoader.load(file, System.getenv(), System.getProperties());
      log.info("configuration: " + ConfigLoader.describe(config));
    } catch (ConfigException e) {
      System.err.println("agentlens: " + e.getMessage());
      System.exit(2);
      return;
    }
    AgentLensServer server;
    try {
      server = AgentLensServer.start(config);
    } catch (ConfigException e) {
      System.err.println("agentlens: " + e.getMessage());
      System.exit(2);
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.stop();
                  } catch (Exception e) {
                    System.err.println("agentlens: shutdown failed: " + e);
                  }
                },
                "agentlens-shutdown"));
  }
}
