package dev.agentlens.engine.store;

import java.util.HashMap;
import java.util.Map;

/**
 * One hour's (session, agent) groups from its rollup rows minus the groups of the events outside an
 * edge of the window: what the edge holds. A group left with no events is not in the edge, so the
 * sessions and agents counted stay exact.
 */
public final class GroupDifference {
  private record Key(String sessionId, String agentId) {}

  private static final class Sums {
    long events;
    long toolCalls;
    long errors;
    double latencySum;
    long latencyCount;
    double cost;
  }

  private final Map<Key, Sums> groups = new HashMap<>();

  /** Adds the whole hour's groups. */
  public GroupSink plus() {
    return (s, a, events, toolCalls, errors, latencySum, latencyCount, cost) ->
        apply(s, a, 1, events, toolCalls, errors, latencySum, latencyCount, cost);
  }

  /** Takes away the groups of the events outside the edge. */
  public GroupSink minus() {
    return (s, a, events, toolCalls, errors, latencySum, latencyCount, cost) ->
        apply(s, a, -1, events, toolCalls, errors, latencySum, latencyCount, cost);
  }

  /** Hands every group that still holds events to {@code sink}. */
  public void drainTo(GroupSink sink) {
    groups.forEach(
        (k, g) -> {
          if (g.events > 0) {
            sink.add(
                k.sessionId(),
                k.agentId(),
                g.events,
                g.toolCalls,
                g.errors,
                g.latencySum,
                g.latencyCount,
                g.cost);
          }
        });
  }

  private void apply(
      String sessionId,
      String agentId,
      int sign,
      long events,
      long toolCalls,
      long errors,
      double latencySum,
      long latencyCount,
      double cost) {
    Sums g = groups.computeIfAbsent(new Key(sessionId, agentId), k -> new Sums());
    g.events += sign * events;
    g.toolCalls += sign * toolCalls;
    g.errors += sign * errors;
    g.latencySum += sign * latencySum;
    g.latencyCount += sign * latencyCount;
    g.cost += sign * cost;
  }
}
