package dev.agentlens.api.cli;

import dev.agentlens.api.retention.RetentionJson;
import dev.agentlens.engine.retention.RetentionJob;
import dev.agentlens.engine.retention.RetentionReport;
import dev.agentlens.engine.retention.RetentionSettings;
import dev.agentlens.engine.store.EventStore;
import java.util.List;
import java.util.Set;

/**
 * {@code retention run}: one retention run on the configured database with the server's policy
 * (config_kv {@code retentionDays}, else {@code retention.days}), like {@code POST
 * /api/retention/run}; prints the report and exits 0 unless the run failed. It may run while the
 * server runs on the same database: each chunk is its own short transaction, and it pauses between
 * chunks as the server's engine does.
 */
final class RetentionCommand implements Command {

  @Override
  public String name() {
    return "retention";
  }

  @Override
  public String usage() {
    return "  retention run                                   delete events past the retention"
        + " policy now\n";
  }

  @Override
  public int run(List<String> args, CliContext ctx) throws Exception {
    CliArgs a = CliArgs.parse(args, Set.of());
    if (!"run".equals(a.single("subcommand (run)"))) {
      throw new UsageException("unknown subcommand " + a.positional().get(0));
    }
    EventStore store = ctx.store();
    RetentionJob job =
        new RetentionJob(
            store.retention(),
            store.config(),
            RetentionSettings.from(ctx.config().retention()),
            ctx.clock(),
            () -> false,
            RetentionJob.Pause.delayed());
    RetentionReport report = ctx.await(job.run());
    ctx.out().println(RetentionJson.report(report).encode());
    return report.skipped() || report.run().error() == null ? 0 : 1;
  }
}
