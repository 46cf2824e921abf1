package dev.agentlens.engine.store;

import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.EventType;
import dev.agentlens.engine.model.PayloadFacts;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of {@code event_rollups}: the analytics sums of one (tenant, hour, session, agent,
 * metric-or-not) group, kept in the drain transaction so that GET /api/analytics reads whole hours
 * from a few thousand rows instead of hundreds of thousands of events. The sums are exactly the
 * columns the raw summary scan computes, so both paths fold into the same figures.
 *
 * @param hour the first 13 characters of the canonical timestamps, {@code YYYY-MM-DDTHH}
 * @param sums its events, tool calls, errors ({@code is_error}), tool response latency (sum and
 *     count of {@code duration_ms}) and cost ({@code cost_usd} of {@code cost_tracked} events)
 */
public record HourlyRollup(
    String tenantId,
    String hour,
    String sessionId,
    String agentId,
    boolean metric,
    GroupSums sums) {

  /** The rollup increments of the events a drain transaction inserts (duplicates excluded). */
  public static Collection<HourlyRollup> of(List<PlannedEvent> inserted) {
    Map<Key, Sums> groups = new LinkedHashMap<>();
    for (PlannedEvent p : inserted) {
      Event e = p.event();
      Key key =
          new Key(e.tenantId(), hourOf(e.timestamp()), e.sessionId(), e.agentId(), p.metric());
      groups.computeIfAbsent(key, k -> new Sums()).add(p);
    }
    return groups.entrySet().stream().map(g -> g.getValue().rollup(g.getKey())).toList();
  }

  /** The rollup hour of a canonical timestamp. */
  public static String hourOf(String timestamp) {
    return timestamp.substring(0, 13);
  }

  private record Key(
      String tenantId, String hour, String sessionId, String agentId, boolean metric) {}

  private static final class Sums {
    private long events;
    private long toolCalls;
    private long errors;
    private double latencySum;
    private long latencyCount;
    private double costUsd;

    void add(PlannedEvent p) {
      EventType type = p.event().eventType();
      PayloadFacts f = p.source().facts();
      events++;
      toolCalls += type == EventType.TOOL_CALL ? 1 : 0;
      errors += p.source().isError() ? 1 : 0;
      if (type == EventType.TOOL_RESPONSE && f.durationMs() != null) {
        latencySum += f.durationMs();
        latencyCount++;
      }
      if (type == EventType.COST_TRACKED && f.costUsd() != null) {
        costUsd += f.costUsd();
      }
    }

    HourlyRollup rollup(Key k) {
      return new HourlyRollup(
          k.tenantId(),
          k.hour(),
          k.sessionId(),
          k.agentId(),
          k.metric(),
          new GroupSums(events, toolCalls, errors, latencySum, latencyCount, costUsd));
    }
  }
}
