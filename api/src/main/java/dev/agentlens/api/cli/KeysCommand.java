package dev.agentlens.api.cli;

import dev.agentlens.api.admin.KeyAdmin;
import dev.agentlens.api.admin.KeyViews;
import dev.agentlens.api.auth.ApiKeys;
import dev.agentlens.api.http.ApiException;
import dev.agentlens.engine.model.ApiKey;
import dev.agentlens.engine.store.ApiKeyStore;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code keys create|list|revoke|rotate}: the keys API on the database, printing the same JSON. A
 * running server picks the change up within seconds (it reloads keys periodically).
 */
final class KeysCommand implements Command {

  @Override
  public String name() {
    return "keys";
  }

  @Override
  public String usage() {
    return "  keys create [--name NAME] [--scopes a,b] [--tenant T]   prints the raw key once\n"
        + "  keys list [--tenant T]                                  (tenant default: default)\n"
        + "  keys revoke ID [--tenant T]\n"
        + "  keys rotate ID [--tenant T]                             old key expires in 24 h\n";
  }

  @Override
  public int run(List<String> args, CliContext ctx) throws Exception {
    if (args.isEmpty()) {
      throw new UsageException("a subcommand is required");
    }
    List<String> rest = args.subList(1, args.size());
    return switch (args.get(0)) {
      case "create" -> create(CliArgs.parse(rest, Set.of("name", "scopes", "tenant")), ctx);
      case "list" -> list(CliArgs.parse(rest, Set.of("tenant")), ctx);
      case "revoke" -> revoke(CliArgs.parse(rest, Set.of("tenant")), ctx);
      case "rotate" -> rotate(CliArgs.parse(rest, Set.of("tenant")), ctx);
      default -> throw new UsageException("unknown subcommand " + args.get(0));
    };
  }

  private int create(CliArgs a, CliContext ctx) throws Exception {
    a.noPositional();
    Map<String, Object> fields = new LinkedHashMap<>();
    if (a.option("name") != null) {
      fields.put("name", a.option("name"));
    }
    List<String> scopes = null;
    if (a.option("scopes") != null) {
      scopes = Arrays.stream(a.option("scopes").split(",", -1)).map(String::trim).toList();
      fields.put("scopes", scopes);
    }
    String tenant = a.option("tenant", "default");
    fields.put("tenantId", tenant);
    KeyAdmin.validate(fields);
    ApiKeys.Minted minted = ctx.await(admin(ctx).create(a.option("name"), scopes, tenant));
    ctx.out().println(KeyViews.created(minted));
    ctx.err().println("Store the key now: it is not shown again.");
    return 0;
  }

  private int list(CliArgs a, CliContext ctx) throws Exception {
    a.noPositional();
    ctx.out().println(KeyViews.list(ctx.await(admin(ctx).list(a.option("tenant", "default")))));
    return 0;
  }

  private int revoke(CliArgs a, CliContext ctx) throws Exception {
    String id = a.single("key id");
    ApiKey revoked = ctx.await(admin(ctx).revoke(tenantOf(id, a, ctx), id));
    ctx.out().println(KeyViews.revoked(revoked));
    return 0;
  }

  private int rotate(CliArgs a, CliContext ctx) throws Exception {
    String id = a.single("key id");
    KeyAdmin.Rotation r = ctx.await(admin(ctx).rotate(tenantOf(id, a, ctx), id));
    ctx.out().println(KeyViews.rotated(r));
    ctx.err().println("Store the new key now: it is not shown again.");
    return 0;
  }

  /** --tenant, else the tenant of the key with that id (ids are unique across tenants). */
  private static String tenantOf(String id, CliArgs a, CliContext ctx) throws Exception {
    if (a.option("tenant") != null) {
      return a.option("tenant");
    }
    return ctx.await(ctx.store().keys().all()).stream()
        .filter(k -> k.id().equals(id))
        .map(ApiKey::tenantId)
        .findFirst()
        .orElseThrow(() -> ApiException.notFound("API key"));
  }

  private static KeyAdmin admin(CliContext ctx) throws Exception {
    ApiKeyStore store = ctx.store().keys();
    return new KeyAdmin(store, k -> {}, ctx.clock());
  }
}
