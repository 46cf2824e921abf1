package dev.agentlens.engine.store;

import dev.agentlens.engine.json.EventHasher;
import dev.agentlens.engine.model.DrainBatch;
import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.IngestEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The backend-neutral heart of a drain write (SPEC §1, §3): skip duplicate client ids, chain each
 * (tenant, session) in batch (= journal) order from its stored tail, and fold aggregates. A backend
 * loads the touched sessions and the already stored client ids, calls {@link #plan}, and writes the
 * plan in the same transaction.
 */
public final class BatchPlanner {

  private BatchPlanner() {}

  /** The sessions a backend must load (and lock, where several writers share the database). */
  public static Set<SessionKey> sessionKeys(List<IngestEvent> events) {
    Set<SessionKey> keys = new LinkedHashSet<>();
    for (IngestEvent e : events) {
      keys.add(new SessionKey(e.tenantId(), e.sessionId()));
    }
    return keys;
  }

  /**
   * The ids a backend must look up to drop duplicates: client-supplied ids, or every id of a
   * replayed batch.
   */
  public static Set<SessionKey> idsToCheck(DrainBatch batch) {
    Set<SessionKey> keys = new LinkedHashSet<>();
    for (IngestEvent e : batch.events()) {
      if (e.clientId() || batch.replay()) {
        keys.add(new SessionKey(e.tenantId(), e.id()));
      }
    }
    return keys;
  }

  /**
   * @param stored the stored sessions among {@link #sessionKeys}, by key
   * @param storedIds the {@link #idsToCheck} that already exist in the database
   */
  public static BatchPlan plan(
      List<IngestEvent> events, Map<SessionKey, SessionState> stored, Set<SessionKey> storedIds) {
    return plan(events, stored, storedIds, 0, chunk -> {});
  }

  /**
   * Like {@link #plan(List, Map, Set)}, and hands every {@code chunkSize} planned events to {@code
   * sink} as soon as they are chained, so a backend can insert them while the rest is still being
   * hashed (on another thread).
   */
  public static BatchPlan plan(
      List<IngestEvent> events,
      Map<SessionKey, SessionState> stored,
      Set<SessionKey> storedIds,
      int chunkSize,
      Consumer<List<PlannedEvent>> sink) {
    Map<SessionKey, SessionState> sessions = new LinkedHashMap<>(stored);
    Map<SessionKey, AgentTouch> agents = new LinkedHashMap<>();
    Set<SessionKey> seenIds = new HashSet<>(storedIds);
    List<PlannedEvent> planned = new ArrayList<>(events.size());
    List<String> duplicates = new ArrayList<>();
    Set<SessionKey> touched = new LinkedHashSet<>();
    int handedOver = 0;

    for (IngestEvent e : events) {
      // Minted ULIDs are unique by construction; only client ids (or replayed ids) can repeat.
      if (e.clientId() || !storedIds.isEmpty()) {
        if (!seenIds.add(new SessionKey(e.tenantId(), e.id()))) {
          duplicates.add(e.id());
          continue;
        }
      }
      SessionKey sk = new SessionKey(e.tenantId(), e.sessionId());
      SessionState s = sessions.computeIfAbsent(sk, k -> new SessionState(e));
      touched.add(sk);
      long seq = s.lastSeq + 1;
      String prev = s.lastHash;
      String hash =
          EventHasher.hash(
              e.id(),
              e.timestamp(),
              e.sessionId(),
              e.agentId(),
              e.eventType().wire(),
              e.severity().wire(),
              e.payload(),
              e.metadata(),
              prev);
      Event event =
          new Event(
              e.id(),
              e.timestamp(),
              e.sessionId(),
              e.agentId(),
              e.eventType(),
              e.severity(),
              e.payload(),
              e.metadata(),
              prev,
              hash,
              e.tenantId(),
              seq);
      s.lastSeq = seq;
      s.lastHash = hash;
      s.apply(e);
      planned.add(new PlannedEvent(e, event, MetricMarker.isOtlpMetric(e.metadata())));
      if (chunkSize > 0 && planned.size() - handedOver == chunkSize) {
        sink.accept(List.copyOf(planned.subList(handedOver, planned.size())));
        handedOver = planned.size();
      }

      SessionKey ak = new SessionKey(e.tenantId(), e.agentId());
      AgentTouch a = agents.get(ak);
      agents.put(
          ak,
          a == null
              ? new AgentTouch(
                  e.tenantId(),
                  e.agentId(),
                  e.facts().agentName() != null ? e.facts().agentName() : e.agentId(),
                  e.timestamp(),
                  e.timestamp())
              : a.widen(e.timestamp()));
    }
    List<SessionState> changed = new ArrayList<>(touched.size());
    for (SessionKey k : touched) {
      changed.add(sessions.get(k));
    }
    if (chunkSize > 0 && planned.size() > handedOver) {
      sink.accept(List.copyOf(planned.subList(handedOver, planned.size())));
    }
    return new BatchPlan(planned, changed, new ArrayList<>(agents.values()), duplicates);
  }
}
