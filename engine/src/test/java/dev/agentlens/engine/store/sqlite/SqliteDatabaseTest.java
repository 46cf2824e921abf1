package dev.agentlens.engine.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connection settings: what each kind of connection is opened with. */
class SqliteDatabaseTest {
  @TempDir Path dir;
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void readConnectionsGetTheReadCacheAndTheWriterKeepsCacheSize() throws Exception {
    SqliteSettings settings =
        new SqliteSettings(
            dir.resolve("a.db"), SqliteSettings.defaultPragmas(), 2, Duration.ZERO, 8L << 20);
    SqliteDatabase db = new SqliteDatabase(vertx, settings);
    await(db.open());
    try {
      assertThat(await(db.<Long>read(c -> pragma(c, "cache_size")))).isEqualTo(-8192L);
      assertThat(await(db.<Long>write(c -> pragma(c, "cache_size")))).isEqualTo(-64000L);
      // No memory map by default: the file's pages stay out of the server's resident set.
      assertThat(await(db.<Long>read(c -> pragma(c, "mmap_size")))).isZero();
    } finally {
      await(db.close());
    }
  }

  private static long pragma(Connection c, String name) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
