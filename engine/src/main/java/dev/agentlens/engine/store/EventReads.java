package dev.agentlens.engine.store;

import dev.agentlens.engine.model.ChainReport;
import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.EventQuery;
import dev.agentlens.engine.model.Page;
import dev.agentlens.engine.model.TimeWindow;
import dev.agentlens.engine.model.Timeline;
import io.vertx.core.Future;
import java.util.Optional;

/** Event reads (reference §5, SPEC §3). */
public interface EventReads {

  /** Filtered page ordered by timestamp (then id) and the total of the same filters. */
  Future<Page<Event>> query(EventQuery query);

  Future<Long> count(EventQuery query);

  Future<Optional<Event>> get(String tenantId, String id);

  /**
   * Events in (timestamp, id) order with the chain verdict; empty when the session does not exist.
   */
  Future<Optional<Timeline>> timeline(String tenantId, String sessionId);

  /** Verifies one session's chain. */
  Future<ChainReport> verifySession(String tenantId, String sessionId);

  /** Verifies the chains of every session of the tenant with events in the window. */
  Future<ChainReport> verifyWindow(String tenantId, TimeWindow window);
}
