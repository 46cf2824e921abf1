package dev.agentlens.engine.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.RetentionChunk;
import dev.agentlens.engine.model.Severity;
import dev.agentlens.engine.store.EventStore;
import dev.agentlens.engine.testing.StoreHarness;
import dev.agentlens.engine.testing.TestEvents;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * What the contract suite cannot show about {@code event_rollups} on PostgreSQL: the V3 backfill of
 * a database that already holds events, and rollup rows that stay a recount of the events while
 * retention subtracts from the same rows other nodes add to.
 */
class PostgresRollupsTest extends PostgresNodesTestBase {

  private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

  /** The rollup rows the events imply, with the definitions of V3__event_rollups.sql. */
  private static final String RECOUNT =
      "SELECT tenant_id, substr(timestamp, 1, 13), session_id, agent_id, is_metric, count(*),"
          + " count(*) FILTER (WHERE event_type = 'tool_call'), count(*) FILTER (WHERE is_error),"
          + " coalesce(sum(duration_ms) FILTER (WHERE event_type = 'tool_response'), 0),"
          + " count(duration_ms) FILTER (WHERE event_type = 'tool_response'),"
          + " coalesce(sum(cost_usd) FILTER (WHERE event_type = 'cost_tracked'), 0)"
          + " FROM events GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5";

  private static final String ROLLUPS =
      "SELECT tenant_id, hour, session_id, agent_id, is_metric, events, tool_calls, errors,"
          + " latency_sum, latency_count, cost_usd FROM event_rollups ORDER BY 1, 2, 3, 4, 5";

  /** The rows of {@code sql} in the store's schema, each as one line of text. */
  static List<String> lines(PostgresTestDatabase db, String sql) {
    List<String> out = new ArrayList<>();
    for (Row r : db.rows(db.schema(), sql, Tuple.tuple())) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.size(); i++) {
        line.append(i == 0 ? "" : " | ").append(r.getValue(i));
      }
      out.add(line.toString());
    }
    return out;
  }

  /** Asserts that {@code event_rollups} holds exactly the sums of the stored events. */
  static void assertRollupsAreARecount(PostgresTestDatabase db) {
    assertThat(lines(db, ROLLUPS)).isEqualTo(lines(db, RECOUNT));
  }

  @Test
  void aDatabaseMigratedFromV2IsBackfilledToWhatTheWritesMaintained() {
    String url = db.newSchemaUrl();
    EventStore before = started(url);
    StoreHarness writer = new StoreHarness(before);
    for (String tenant : List.of("t", "u")) {
      TestEvents te = new TestEvents(tenant, T0, Duration.ofMinutes(7));
      for (int b = 0; b < 6; b++) {
        List<IngestEvent> batch = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          String session = "s" + (i % 3);
          batch.add(
              switch ((b + i) % 6) {
                case 0 -> te.toolCall(session, "search").agent("a" + (i % 2)).build();
                case 1 -> te.toolResponse(session, "search", 10 + i).build();
                case 2 -> te.costTracked(session, "openai", "gpt-4o", 10, 5, 0.25 * i).build();
                case 3 -> te.otlpMetric(session, "queue.depth", i).build();
                case 4 -> te.custom(session, "panic").severity(Severity.ERROR).build();
                default -> te.toolError(session, "db", 5).build();
              });
        }
        writer.write(batch);
      }
      IngestEvent twice = te.toolCall("s0", "search").clientId("dup-" + tenant).build();
      writer.write(twice);
      writer.write(twice);
    }
    List<String> maintained = lines(db, ROLLUPS);
    assertThat(maintained).hasSizeGreaterThan(20).isEqualTo(lines(db, RECOUNT));
    close(before);

    // Back to exactly the V2 schema, events kept.
    db.inTransaction(
        db.schema(),
        c ->
            c.query("DROP TABLE event_rollups; DELETE FROM schema_migrations WHERE version = 3")
                .execute());
    EventStore after = started(url);

    assertThat(lines(db, ROLLUPS)).isEqualTo(maintained);
    assertThat(lines(db, "SELECT max(version) FROM schema_migrations")).containsExactly("3");
    assertThat(StoreHarness.await(after.stats().stats("t")).totalEvents()).isEqualTo(6 * 8 + 1);
  }

  @Test
  void retentionSubtractingWhileAnotherNodeAddsToTheSameRowsLosesNothing() throws Exception {
    String url = db.newSchemaUrl();
    EventStore writerNode = started(url);
    EventStore retentionNode = started(url);
    String cutoff = "2026-03-10T09:00:00.000Z";
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    java.util.concurrent.Future<?> writes =
        pool.submit(
            () -> {
              StoreHarness writer = new StoreHarness(writerNode, "writer");
              TestEvents te = new TestEvents("t", T0);
              try {
                for (int b = 0; b < 40; b++) {
                  List<IngestEvent> batch = new ArrayList<>();
                  for (int i = 0; i < 30; i++) {
                    // Backdated into four expired hours: retention and the writer share rows.
                    Instant at = T0.minus(Duration.ofMinutes(61 + (b * 30L + i) % 240));
                    batch.add(
                        (i % 3 == 0
                                ? te.toolResponse("s" + i % 5, "search", 7)
                                : te.costTracked("s" + i % 5, "openai", "m", 1, 1, 0.5))
                            .agent("a" + i % 2)
                            .at(at)
                            .build());
                  }
                  writer.write(batch);
                }
              } finally {
                writing.set(false);
              }
              return null;
            });
    long deleted = 0;
    while (writing.get()) {
      RetentionChunk chunk = StoreHarness.await(retentionNode.retention().purgeChunk(cutoff, 45));
      deleted += chunk.eventsDeleted();
    }
    writes.get(2, TimeUnit.MINUTES);
    pool.shutdown();

    assertThat(deleted).isPositive();
    assertRollupsAreARecount(db);

    // Finish the run, then passes from the start until one finds nothing: every event is expired.
    RetentionChunk last;
    do {
      last = StoreHarness.await(retentionNode.retention().purgeChunk(cutoff, 1000));
    } while (!last.done() || last.eventsDeleted() > 0);
    assertThat(lines(db, "SELECT count(*) FROM events")).containsExactly("0");
    assertThat(lines(db, ROLLUPS)).isEmpty();
  }
}
