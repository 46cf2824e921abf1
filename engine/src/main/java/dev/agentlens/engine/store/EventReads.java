package dev.agentlens.engine.store;

import dev.agentlens.engine.model.ChainReport;
import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.EventQuery;
import dev.agentlens.engine.model.Page;
import dev.agentlens.engine.model.TimeWindow;
import dev.agentlens.engine.model.TimelineCursor;
import dev.agentlens.engine.model.TimelineHead;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** Event reads (reference §5, SPEC §3). */
public interface EventReads {

  /** Filtered page ordered by timestamp (then id) and the total of the same filters. */
  Future<Page<Event>> query(EventQuery query);

  Future<Long> count(EventQuery query);

  Future<Optional<Event>> get(String tenantId, String id);

  /**
   * The chain verdict, bound and first {@code pageSize} events of a session's timeline, from one
   * snapshot; empty when the session does not exist. A session longer than the page is verified by
   * streaming its chain, so none is ever held in memory whole. Read the rest with {@link
   * #timelinePage} ({@link TimelineWalk} walks them all).
   */
  Future<Optional<TimelineHead>> timelineHead(String tenantId, String sessionId, int pageSize);

  /**
   * Up to {@code limit} events of the session with {@code seq <= maxSeq}, in (timestamp, id) order,
   * after {@code after} (null: from the first).
   */
  Future<List<Event>> timelinePage(
      String tenantId, String sessionId, long maxSeq, TimelineCursor after, int limit);

  /** Verifies one session's chain. */
  Future<ChainReport> verifySession(String tenantId, String sessionId);

  /** Verifies the chains of every session of the tenant with events in the window. */
  Future<ChainReport> verifyWindow(String tenantId, TimeWindow window);
}
