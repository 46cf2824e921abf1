package dev.agentlens.engine.store.sqlite;

import dev.agentlens.engine.model.AgentAnalytics;
import dev.agentlens.engine.model.AnalyticsQuery;
import dev.agentlens.engine.model.AnalyticsResult;
import dev.agentlens.engine.model.CostAnalytics;
import dev.agentlens.engine.model.LlmAnalytics;
import dev.agentlens.engine.model.LlmQuery;
import dev.agentlens.engine.model.ToolAnalytics;
import dev.agentlens.engine.store.AnalyticsReads;
import dev.agentlens.engine.store.GroupSink;
import dev.agentlens.engine.store.GroupSums;
import dev.agentlens.engine.store.RollupWindow;
import dev.agentlens.engine.store.StoreSettings;
import dev.agentlens.engine.store.SummaryFold;
import io.vertx.core.Future;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Analytics (reference §6) over the typed event columns; payload JSON is never parsed. Each
 * endpoint is one scan of its window grouped finely in SQL and folded in Java, so that distinct
 * session and agent counts of buckets and totals come from the same pass.
 */
final class SqliteAnalyticsReads implements AnalyticsReads {

  /** The summary's sums over a group of events, in {@link #addGroup}'s column order. */
  static final String GROUP_SUMS =
      "count(*), sum(event_type = 'tool_call'), sum(is_error),"
          + " sum(CASE WHEN event_type = 'tool_response' THEN duration_ms END),"
          + " count(CASE WHEN event_type = 'tool_response' THEN duration_ms END),"
          + " sum(CASE WHEN event_type = 'cost_tracked' THEN cost_usd END)";

  private static final String SUMMARY =
      "SELECT %s AS bucket, session_id, agent_id, "
          + GROUP_SUMS
          + " FROM events WHERE %s GROUP BY bucket, session_id, agent_id";

  /** Sessions of the tenant carrying any of the tags (exact element match). */
  private static final String TAGGED_SESSIONS =
      "session_id IN (SELECT s.id FROM sessions s WHERE s.tenant_id = ? AND EXISTS"
          + " (SELECT 1 FROM json_each(s.tags) j WHERE j.type = 'text' AND j.value IN (%s)))";

  private static final String AGENTS =
      "SELECT agent_id, count(*), sum(event_count), sum(error_count), sum(total_cost_usd),"
          + " avg(CASE WHEN ended_at IS NOT NULL THEN"
          + " round((unixepoch(ended_at, 'subsec') - unixepoch(started_at, 'subsec')) * 1000)"
          + " END) FROM sessions WHERE %s GROUP BY agent_id ORDER BY 2 DESC, agent_id";

  private static final String TOOLS =
      "SELECT tool_name, count(*), sum(event_type = 'tool_error'),"
          + " avg(CASE WHEN event_type IN ('tool_response', 'tool_error') THEN duration_ms END)"
          + " FROM events WHERE %s GROUP BY tool_name ORDER BY 2 DESC, tool_name";

  private final SqliteDatabase db;

  SqliteAnalyticsReads(SqliteDatabase db, StoreSettings settings) {
    this.db = db;
  }

  @Override
  public Future<AnalyticsResult> summary(AnalyticsQuery query) {
    return db.read(
        c -> {
          if (RollupWindow.applies(query.from(), query.to())) {
            RollupWindow window = RollupWindow.of(query.from(), query.to());
            if (window.hasWholeHours()) {
              return SqliteRollupSummary.read(c, query, window);
            }
          }
          Optional<AnalyticsResult> fromIndexes = SqliteIndexedSummary.read(c, query);
          return fromIndexes.isPresent()
              ? fromIndexes.get()
              : summary(c, query, SqliteAnalyticsFilter.events(query));
        });
  }

  @Override
  public Future<AnalyticsResult> summaryForTags(AnalyticsQuery query, List<String> tags) {
    if (tags == null || tags.isEmpty()) {
      return summary(query);
    }
    String marks = String.join(", ", Collections.nCopies(tags.size(), "?"));
    List<Object> values = new ArrayList<>(tags.size() + 1);
    values.add(query.tenantId());
    values.addAll(tags);
    SqliteAnalyticsFilter filter =
        SqliteAnalyticsFilter.events(query).and(TAGGED_SESSIONS.formatted(marks), values.toArray());
    return db.read(c -> summary(c, query, filter));
  }

  @Override
  public Future<CostAnalytics> costs(AnalyticsQuery query) {
    return db.read(c -> SqliteCostAnalytics.read(c, query));
  }

  @Override
  public Future<List<AgentAnalytics>> agents(AnalyticsQuery query) {
    SqliteAnalyticsFilter filter =
        SqliteAnalyticsFilter.where(
                "tenant_id = ? AND started_at >= ? AND started_at <= ?",
                query.tenantId(),
                query.from(),
                query.to())
            .andIfPresent("agent_id = ?", query.agentId());
    return db.read(c -> agents(c, filter));
  }

  @Override
  public Future<List<ToolAnalytics>> tools(AnalyticsQuery query) {
    SqliteAnalyticsFilter filter =
        SqliteAnalyticsFilter.events(query)
            .and("event_type IN ('tool_call', 'tool_response', 'tool_error')")
            .and("tool_name IS NOT NULL");
    return db.read(c -> tools(c, filter));
  }

  @Override
  public Future<LlmAnalytics> llm(LlmQuery query) {
    return db.read(c -> SqliteLlmAnalytics.read(c, query));
  }

  private static AnalyticsResult summary(
      Connection c, AnalyticsQuery query, SqliteAnalyticsFilter filter) throws SQLException {
    SummaryFold fold = new SummaryFold();
    foldEvents(c, query, filter, fold);
    return fold.result();
  }

  /** Adds the (bucket, session, agent) groups of the events {@code filter} selects. */
  private static void foldEvents(
      Connection c, AnalyticsQuery query, SqliteAnalyticsFilter filter, SummaryFold fold)
      throws SQLException {
    String sql =
        SUMMARY.formatted(SqliteBuckets.label(query.granularity(), "timestamp"), filter.sql());
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      filter.bind(ps, 1);
      foldRows(ps, fold);
    }
  }

  /** Folds the rows of a (bucket, session, agent, events … cost) statement. */
  private static void foldRows(PreparedStatement ps, SummaryFold fold) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        addGroup(fold.into(rs.getString(1)), rs, 2);
      }
    }
  }

  /** Adds the (session, agent, events … cost) group whose columns start at {@code from}. */
  static void addGroup(GroupSink sink, ResultSet rs, int from) throws SQLException {
    sink.add(rs.getString(from), rs.getString(from + 1), sums(rs, from + 2));
  }

  /** The (events, tool calls, errors, latency sum and count, cost) columns from {@code from}. */
  static GroupSums sums(ResultSet rs, int from) throws SQLException {
    return new GroupSums(
        rs.getLong(from),
        rs.getLong(from + 1),
        rs.getLong(from + 2),
        rs.getDouble(from + 3),
        rs.getLong(from + 4),
        rs.getDouble(from + 5));
  }

  private static List<AgentAnalytics> agents(Connection c, SqliteAnalyticsFilter filter)
      throws SQLException {
    List<AgentAnalytics> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(AGENTS.formatted(filter.sql()))) {
      filter.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long events = rs.getLong(3);
          long errors = rs.getLong(4);
          out.add(
              new AgentAnalytics(
                  rs.getString(1),
                  rs.getLong(2),
                  events,
                  errors,
                  events > 0 ? (double) errors / events : 0,
                  rs.getDouble(5),
                  rs.getDouble(6)));
        }
      }
    }
    return out;
  }

  private static List<ToolAnalytics> tools(Connection c, SqliteAnalyticsFilter filter)
      throws SQLException {
    List<ToolAnalytics> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(TOOLS.formatted(filter.sql()))) {
      filter.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long calls = rs.getLong(2);
          long errors = rs.getLong(3);
          out.add(
              new ToolAnalytics(
                  rs.getString(1),
                  calls,
                  errors,
                  calls > 0 ? (double) errors / calls : 0,
                  rs.getDouble(4)));
        }
      }
    }
    return out;
  }
}
