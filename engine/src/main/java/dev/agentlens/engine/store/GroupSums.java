package dev.agentlens.engine.store;

/**
 * The sums GET /api/analytics adds up over a group of events: events, tool calls, errors, tool
 * response latency (sum and count, for the average) and cost.
 */
public record GroupSums(
    long events,
    long toolCalls,
    long errors,
    double latencySum,
    long latencyCount,
    double costUsd) {

  public static final GroupSums ZERO = new GroupSums(0, 0, 0, 0, 0, 0);

  public GroupSums plus(GroupSums o) {
    return new GroupSums(
        events + o.events,
        toolCalls + o.toolCalls,
        errors + o.errors,
        latencySum + o.latencySum,
        latencyCount + o.latencyCount,
        costUsd + o.costUsd);
  }

  public GroupSums negated() {
    return new GroupSums(-events, -toolCalls, -errors, -latencySum, -latencyCount, -costUsd);
  }

  public double avgLatency() {
    return latencyCount > 0 ? latencySum / latencyCount : 0;
  }
}
