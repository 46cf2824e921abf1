package dev.agentlens.engine.store.postgres;

import static org.assertj.core.api.Assertions.fail;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL the tests run against: {@code AGENTLENS_TEST_PG_URL}, else the local server of
 * these machines ({@code postgresql://postgres@127.0.0.1:5432/test}, trust auth). Every store gets
 * a fresh schema of its own (its URL carries {@code search_path}), dropped afterwards, so tests are
 * independent and a run can be repeated. Without a reachable server the tests are skipped with a
 * loud message, except under {@code CI=true}, where that is a failure.
 */
public final class PostgresTestDatabase {

  public static final String URL =
      System.getenv()
          .getOrDefault("AGENTLENS_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test");

  private static final Object LOCK = new Object();
  private static String unreachable;
  private static boolean checked;

  /** The helper's own Vert.x: a test class's instance may be closed before its schemas go. */
  private static Vertx admin;

  private final List<String> schemas = new ArrayList<>();

  public PostgresTestDatabase() {}

  private static synchronized Vertx admin() {
    if (admin == null) {
      admin = Vertx.vertx();
    }
    return admin;
  }

  /** Closes the helper's Vert.x (after the last schema was dropped). */
  public static synchronized void closeAdmin() {
    if (admin != null) {
      await(admin.close());
      admin = null;
    }
  }

  /** Skips the calling test (fails it under CI=true) when no server answers. */
  public static void requireServer() {
    String problem;
    synchronized (LOCK) {
      if (!checked) {
        unreachable = probe();
        checked = true;
        if (unreachable != null) {
          System.err.println(
              "\n!!!!! PostgreSQL NOT REACHABLE at "
                  + URL
                  + " ("
                  + unreachable
                  + "): the PostgreSQL store tests are SKIPPED. Set AGENTLENS_TEST_PG_URL or"
                  + " start a server (.ci/run does). !!!!!\n");
        }
      }
      problem = unreachable;
    }
    if (problem == null) {
      return;
    }
    String message = "PostgreSQL not reachable at " + URL + ": " + problem;
    if ("true".equals(System.getenv("CI"))) {
      fail(message + " (CI=true requires a PostgreSQL server)");
    }
    Assumptions.assumeTrue(false, message + " - PostgreSQL tests skipped");
  }

  private static String probe() {
    try {
      await(
          PgConnection.connect(admin(), options(null))
              .compose(c -> c.query("SELECT 1").execute().eventually(c::close)));
      return null;
    } catch (RuntimeException e) {
      return String.valueOf(e.getMessage());
    }
  }

  /** Creates a fresh, empty schema and returns a store URL that works inside it. */
  public String newSchemaUrl() {
    String schema =
        "agentlens_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    run(null, c -> c.query("CREATE SCHEMA " + schema).execute());
    schemas.add(schema);
    return URL + (URL.contains("?") ? "&" : "?") + "search_path=" + schema;
  }

  /** A store URL for {@code schema} that reaches the test server's database via host:port. */
  public static String urlVia(String host, int port, String database, String schema) {
    PgConnectOptions o = PgConnectOptions.fromUri(URL);
    String auth =
        enc(o.getUser())
            + (URL.contains(":" + o.getPassword() + "@") ? ":" + enc(o.getPassword()) : "");
    return "postgresql://"
        + auth
        + "@"
        + host
        + ":"
        + port
        + "/"
        + database
        + (schema == null ? "" : "?search_path=" + schema);
  }

  /** The test server's database name. */
  public static String database() {
    return PgConnectOptions.fromUri(URL).getDatabase();
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The schema of the store created last. */
  public String schema() {
    return schemas.get(schemas.size() - 1);
  }

  /** Drops every schema this instance created. */
  public void dropAll() {
    for (String schema : schemas) {
      run(null, c -> c.query("DROP SCHEMA IF EXISTS " + schema + " CASCADE").execute());
    }
    schemas.clear();
  }

  /** Runs {@code work} in one transaction on a connection whose search_path is {@code schema}. */
  public <T> T inTransaction(String schema, Function<SqlConnection, Future<T>> work) {
    return run(
        schema, c -> c.begin().compose(tx -> work.apply(c).compose(r -> tx.commit().map(r))));
  }

  public List<Row> rows(String schema, String sql, Tuple args) {
    return run(
        schema,
        c ->
            c.preparedQuery(sql)
                .execute(args)
                .map(
                    rs -> {
                      List<Row> out = new ArrayList<>();
                      rs.forEach(out::add);
                      return out;
                    }));
  }

  private <T> T run(String schema, Function<SqlConnection, Future<T>> work) {
    return await(
        PgConnection.connect(admin(), options(schema))
            .compose(c -> work.apply(c).eventually(c::close)));
  }

  private static PgConnectOptions options(String schema) {
    PgConnectOptions o = PgConnectOptions.fromUri(URL);
    Map<String, String> props = new HashMap<>(PgConnectOptions.DEFAULT_PROPERTIES);
    props.putAll(o.getProperties());
    o.setProperties(props);
    if (schema != null) {
      o.addProperty("search_path", schema.toLowerCase(Locale.ROOT));
    }
    return o;
  }

  public static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re
          ? re
          : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("PostgreSQL did not answer in 30 s", e);
    }
  }
}
