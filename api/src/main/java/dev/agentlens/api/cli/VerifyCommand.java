package dev.agentlens.api.cli;

import dev.agentlens.api.admin.AuditReports;
import dev.agentlens.engine.model.TimeWindow;
import dev.agentlens.engine.model.Timestamps;
import java.util.List;
import java.util.Set;

/**
 * {@code verify [--session ID] [--from T] [--to T] [--tenant T]}: verifies hash chains like {@code
 * GET /api/audit/verify} (every session of the tenant when neither a session nor a window is
 * given), prints the report, and exits 0 only when every chain verifies.
 */
final class VerifyCommand implements Command {

  @Override
  public String name() {
    return "verify";
  }

  @Override
  public String usage() {
    return "  verify [--session ID | --from ISO [--to ISO]] [--tenant T]   exit 0 when all"
        + " verify\n";
  }

  @Override
  public int run(List<String> args, CliContext ctx) throws Exception {
    CliArgs a = CliArgs.parse(args, Set.of("session", "from", "to", "tenant"));
    a.noPositional();
    String tenant = a.option("tenant", "default");
    String session = a.option("session");
    String from = timestamp(a, "from");
    String to = timestamp(a, "to");
    if (session != null && (from != null || to != null)) {
      throw new UsageException("give either --session or --from/--to, not both");
    }
    if (from == null && to != null) {
      throw new UsageException("--to needs --from");
    }
    AuditReports reports =
        new AuditReports(ctx.store().events(), ctx.config().auditSigningKey(), ctx.clock());
    AuditReports.Report report;
    if (session != null) {
      report = ctx.await(reports.session(tenant, session));
    } else if (from != null) {
      report =
          ctx.await(reports.window(tenant, new TimeWindow(from, to == null ? reports.now() : to)));
    } else {
      report = ctx.await(reports.window(tenant, null));
    }
    ctx.out().println(report.json());
    return report.verified() ? 0 : 1;
  }

  private static String timestamp(CliArgs a, String name) {
    String v = a.option(name);
    if (v == null) {
      return null;
    }
    try {
      return Timestamps.canonicalize(v);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--" + name + " must be an ISO 8601 date-time with Z or an offset");
    }
  }
}
