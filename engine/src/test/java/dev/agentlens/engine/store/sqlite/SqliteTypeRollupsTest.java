package dev.agentlens.engine.store.sqlite;

import static dev.agentlens.engine.testing.StoreHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.store.EventStore;
import dev.agentlens.engine.store.StoreSettings;
import dev.agentlens.engine.testing.StoreHarness;
import dev.agentlens.engine.testing.TestEvents;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-(agent, type) hourly counts equal a recount of the events after drain writes and after
 * retention, which leaves no emptied row behind.
 */
class SqliteTypeRollupsTest {
  private static final String STORED =
      "SELECT tenant_id, agent_id, hour, event_type, events FROM event_type_rollups"
          + " ORDER BY 1, 2, 3, 4";
  private static final String RECOUNT =
      "SELECT tenant_id, agent_id, substr(timestamp, 1, 13), event_type, count(*) FROM events"
          + " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4";

  @TempDir Path dir;
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    await(vertx.close());
  }

  @Test
  void countsFollowWritesAndRetention() throws Exception {
    Path file = dir.resolve("counts.db");
    EventStore store =
        new SqliteEventStore(
            vertx, SqliteSettings.at(file), new StoreSettings(Clock.systemUTC(), 30));
    await(store.start());
    TestEvents events =
        new TestEvents("tenant-a", Instant.parse("2026-03-10T08:10:00Z"), Duration.ofSeconds(61));
    List<IngestEvent> batch = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String session = "s" + (i % 3);
      // Sessions whose events carry several agents: a cut's rows span agents too.
      batch.add(events.inTurn(i, session).agent("a" + (i % 5)).build());
    }
    new StoreHarness(store).write(batch);
    assertThat(rows(file, STORED)).hasSizeGreaterThan(40).isEqualTo(rows(file, RECOUNT));

    while (!await(store.retention().purgeChunk("2026-03-10T11:30:00.500Z", 40)).done()) {
      // chunk after chunk, as the retention engine runs it
    }

    List<String> left = rows(file, STORED);
    assertThat(left).isNotEmpty().isEqualTo(rows(file, RECOUNT));
    assertThat(left).noneMatch(row -> row.endsWith("|0|"));
    await(store.close());
  }

  private static List<String> rows(Path file, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
          row.append(rs.getString(i)).append('|');
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
