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

  private final Map<Key, GroupSums> groups = new HashMap<>();

  /** Adds the whole hour's groups. */
  public GroupSink plus() {
    return (s, a, sums) -> groups.merge(new Key(s, a), sums, GroupSums::plus);
  }

  /** Takes away the groups of the events outside the edge. */
  public GroupSink minus() {
    return (s, a, sums) -> groups.merge(new Key(s, a), sums.negated(), GroupSums::plus);
  }

  /** Hands every group that still holds events to {@code sink}. */
  public void drainTo(GroupSink sink) {
    groups.forEach(
        (k, sums) -> {
          if (sums.events() > 0) {
            sink.add(k.sessionId(), k.agentId(), sums);
          }
        });
  }
}
