package dev.agentlens.engine.store.sqlite;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentlens.engine.json.EventHasher;
import dev.agentlens.engine.model.ChainAnchor;
import dev.agentlens.engine.model.DrainBatch;
import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.EventType;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.PayloadFacts;
import dev.agentlens.engine.model.RetentionChunk;
import dev.agentlens.engine.model.RetentionRun;
import dev.agentlens.engine.model.Severity;
import dev.agentlens.engine.store.StoreSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention on a real SQLite file: prefix-only cuts, anchors, chunking, the delete trigger. */
class SqliteRetentionStoreTest {

  private static final String CUTOFF = "2026-02-01T00:00:00.000Z";
  private static final String NOW = "2026-05-01T00:00:00.000Z";

  @TempDir Path dir;
  private Vertx vertx;
  private SqliteEventStore store;
  private long journalIndex;
  private int ids;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    store =
        new SqliteEventStore(
            vertx,
            SqliteSettings.at(dir.resolve("t.db")),
            new StoreSettings(Clock.fixed(Instant.parse(NOW), ZoneOffset.UTC), 30));
    await(store.start());
  }

  @AfterEach
  void stop() throws Exception {
    await(store.close());
    await(vertx.close());
  }

  @Test
  void cutsOnlyExpiredPrefixesAnchorsThemAndRemovesEmptiedSessions() throws Exception {
    // a: two old events, a young one, then a backdated old one that must stay (chain cut at start)
    List<Event> a =
        write(
            ev("t1", "a", "2026-01-01T00:00:00.000Z"),
            ev("t1", "a", "2026-01-02T00:00:00.000Z"),
            ev("t1", "a", "2026-03-01T00:00:00.000Z"),
            ev("t1", "a", "2026-01-03T00:00:00.000Z"));
    List<Event> b =
        write(ev("t1", "b", "2026-01-05T00:00:00.000Z"), ev("t1", "b", "2026-01-06T00:00:00.000Z"));
    write(ev("t2", "c", "2026-03-02T00:00:00.000Z"));
    List<Event> d =
        write(
            ev("t2", "d", "2026-01-01T00:00:00.000Z"),
            ev("t2", "d", "2026-01-01T00:00:01.000Z"),
            ev("t2", "d", "2026-01-01T00:00:02.000Z"));

    List<RetentionChunk> chunks = purgeAll(2);

    assertThat(chunks).extracting(RetentionChunk::done).containsExactly(false, false, false, true);
    assertThat(chunks.stream().mapToLong(RetentionChunk::eventsDeleted).sum()).isEqualTo(7);
    assertThat(chunks.stream().mapToLong(RetentionChunk::anchorsWritten).sum()).isEqualTo(4);
    assertThat(remainingSeqs()).isEqualTo(Map.of("t1/a", List.of(3L, 4L), "t2/c", List.of(1L)));

    assertThat(await(store.retention().anchors("t1", "a")))
        .containsExactly(anchor(a.subList(0, 2), "t1", "a"));
    assertThat(await(store.retention().anchors("t2", "d")))
        .containsExactly(anchor(d.subList(0, 2), "t2", "d"), anchor(d.subList(2, 3), "t2", "d"));
    assertThat(await(store.retention().anchors("t1", "b"))).hasSize(1);
    assertThat(b).hasSize(2);

    assertThat(await(store.retention().purgeChunk(CUTOFF, 2)))
        .isEqualTo(new RetentionChunk(0, 0, true));
    assertThat(await(store.retention().removeEmptySessions())).isEqualTo(2);
    assertThat(sessions()).containsExactly("t1/a", "t2/c");
  }

  @Test
  void deletingEventsOutsideRetentionIsRefused() throws Exception {
    write(ev("t1", "a", "2026-01-01T00:00:00.000Z"));
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM events"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("deleted only by retention");
      assertThatThrownBy(() -> s.executeUpdate("UPDATE events SET payload = '{\"x\":1}'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM retention_guard")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
    }
    assertThat(remainingSeqs()).isEqualTo(Map.of("t1/a", List.of(1L)));
  }

  @Test
  void runsAreRecordedAndListedNewestFirst() throws Exception {
    var retention = store.retention();
    await(
        retention.recordRun(
            new RetentionRun("r1", "2026-01-01T00:00:00.000Z", null, CUTOFF, 0, 0, 0, null)));
    await(
        retention.recordRun(
            new RetentionRun(
                "r1",
                "2026-01-01T00:00:00.000Z",
                "2026-01-01T00:00:05.000Z",
                CUTOFF,
                7,
                4,
                2,
                null)));
    await(
        retention.recordRun(
            new RetentionRun("r2", "2026-01-02T00:00:00.000Z", null, CUTOFF, 0, 0, 0, "boom")));

    List<RetentionRun> runs = await(retention.runs(10));
    assertThat(runs).extracting(RetentionRun::id).containsExactly("r2", "r1");
    assertThat(runs.get(1).eventsDeleted()).isEqualTo(7);
    assertThat(runs.get(1).finishedAt()).isEqualTo("2026-01-01T00:00:05.000Z");
    assertThat(await(retention.runs(1))).hasSize(1);
  }

  private List<RetentionChunk> purgeAll(int maxEvents) throws Exception {
    List<RetentionChunk> chunks = new ArrayList<>();
    RetentionChunk chunk;
    do {
      chunk = await(store.retention().purgeChunk(CUTOFF, maxEvents));
      chunks.add(chunk);
      assertThat(chunks).hasSizeLessThan(20);
    } while (!chunk.done());
    return chunks;
  }

  private static ChainAnchor anchor(List<Event> cut, String tenant, String session) {
    List<String> hashes = cut.stream().map(Event::hash).toList();
    Event first = cut.get(0);
    Event last = cut.get(cut.size() - 1);
    return new ChainAnchor(
        tenant,
        session,
        first.prevHash(),
        last.hash(),
        last.seq(),
        cut.size(),
        EventHasher.sha256Hex(String.join("\n", hashes)),
        cut.stream().map(Event::timestamp).min(String::compareTo).orElseThrow(),
        cut.stream().map(Event::timestamp).max(String::compareTo).orElseThrow(),
        NOW);
  }

  private Map<String, List<Long>> remainingSeqs() throws SQLException {
    Map<String, List<Long>> out = new TreeMap<>();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT tenant_id, session_id, seq FROM events ORDER BY tenant_id, session_id, seq")) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2), k -> new ArrayList<>())
              .add(rs.getLong(3));
        }
      }
    }
    return out;
  }

  private List<String> sessions() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT tenant_id, id FROM sessions ORDER BY tenant_id, id")) {
      while (rs.next()) {
        out.add(rs.getString(1) + "/" + rs.getString(2));
      }
    }
    return out;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db").toAbsolutePath());
  }

  private List<Event> write(IngestEvent... events) throws Exception {
    return await(store.write(new DrainBatch(List.of(events), "node-1", ++journalIndex)))
        .committed();
  }

  private IngestEvent ev(String tenant, String session, String timestamp) {
    return new IngestEvent(
        tenant,
        "e" + (++ids),
        false,
        timestamp,
        session,
        "agent-1",
        EventType.CUSTOM,
        Severity.INFO,
        "{}",
        "{}",
        PayloadFacts.NONE);
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, SECONDS);
  }
}
