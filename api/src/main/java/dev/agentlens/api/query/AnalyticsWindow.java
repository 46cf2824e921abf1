package dev.agentlens.api.query;

import dev.agentlens.api.http.ApiException;
import dev.agentlens.api.http.QueryParams;
import dev.agentlens.engine.model.Granularity;
import dev.agentlens.engine.model.Timestamps;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The window and bucket width of the analytics routes (reference §6.1): {@code to} defaults to now;
 * {@code from} defaults to now minus {@code range} (1h, 6h, 24h, 3d, 7d, 30d; anything else means
 * 24h, as upstream); both canonical timestamps, inclusive.
 */
record AnalyticsWindow(String from, String to) {

  private static final Map<String, Duration> RANGES =
      Map.of(
          "1h", Duration.ofHours(1),
          "6h", Duration.ofHours(6),
          "24h", Duration.ofHours(24),
          "3d", Duration.ofDays(3),
          "7d", Duration.ofDays(7),
          "30d", Duration.ofDays(30));

  static AnalyticsWindow of(RoutingContext ctx, Clock clock) {
    Instant now = clock.instant();
    String from = QueryParams.timestamp(ctx, "from");
    String to = QueryParams.timestamp(ctx, "to");
    if (from == null) {
      String name = QueryParams.string(ctx, "range");
      Duration range = name == null ? null : RANGES.get(name);
      from = Timestamps.format(now.minus(range == null ? Duration.ofHours(24) : range));
    }
    return new AnalyticsWindow(from, to == null ? Timestamps.format(now) : to);
  }

  /**
   * hour | day | week, {@code dflt} when absent; anything else is the upstream 400 {@code Invalid
   * granularity. Use: hour, day, week}.
   */
  static Granularity granularity(RoutingContext ctx, Granularity dflt) {
    String name = QueryParams.string(ctx, "granularity");
    if (name == null) {
      return dflt;
    }
    Granularity g = Granularity.fromWire(name);
    if (g == null) {
      throw new ApiException(
          400, new JsonObject().put("error", "Invalid granularity. Use: hour, day, week"));
    }
    return g;
  }
}
