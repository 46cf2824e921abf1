package dev.agentlens.api.query;

import dev.agentlens.api.http.ApiException;
import dev.agentlens.api.http.QueryParams;
import dev.agentlens.api.http.Responses;
import dev.agentlens.engine.model.StatsOverview;
import dev.agentlens.engine.model.StorageStats;
import dev.agentlens.engine.model.TimeWindow;
import dev.agentlens.engine.model.Timestamps;
import dev.agentlens.engine.store.StatsReads;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** GET /api/stats and GET /api/stats/overview (reference §9). */
final class StatsRoutes {

  private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
  private static final Duration MS = Duration.ofMillis(1);

  private final StatsReads stats;
  private final Clock clock;

  StatsRoutes(StatsReads stats, Clock clock) {
    this.stats = stats;
    this.clock = clock;
  }

  void mount(Router router) {
    router.get("/api/stats").handler(this::stats);
    router.get("/api/stats/overview").handler(this::overview);
  }

  private void stats(RoutingContext ctx) {
    stats
        .stats(Paging.tenant(ctx))
        .map(StatsRoutes::statsJson)
        .onSuccess(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  private void overview(RoutingContext ctx) {
    TimeWindow[] windows = windows(ctx);
    stats
        .overview(Paging.tenant(ctx), windows[0], windows[1])
        .map(StatsRoutes::overviewJson)
        .onSuccess(body -> Responses.ok(ctx, body))
        .onFailure(ctx::fail);
  }

  /**
   * [current, previous]. Default: today (UTC midnight … now) against the whole of yesterday. With
   * from and/or to (from defaults to today's UTC midnight, to to now): that window against the
   * window of equal length that ends just before it. Both are inclusive, so they never overlap.
   */
  private TimeWindow[] windows(RoutingContext ctx) {
    String fromParam = QueryParams.timestamp(ctx, "from");
    String toParam = QueryParams.timestamp(ctx, "to");
    Instant now = clock.instant();
    Instant midnight = now.truncatedTo(ChronoUnit.DAYS);
    if (fromParam == null && toParam == null) {
      return new TimeWindow[] {
        window(midnight, now), window(midnight.minus(Duration.ofDays(1)), midnight.minus(MS))
      };
    }
    Instant from = fromParam == null ? midnight : Timestamps.parse(fromParam);
    Instant to = toParam == null ? now : Timestamps.parse(toParam);
    if (from.isAfter(to)) {
      throw ApiException.badRequest("from", "must not be after to");
    }
    Duration length = Duration.between(from, to).plus(MS);
    Instant previousFrom = from.minus(length);
    if (previousFrom.isBefore(EARLIEST)) {
      previousFrom = EARLIEST;
    }
    return new TimeWindow[] {window(from, to), window(previousFrom, from.minus(MS))};
  }

  private static TimeWindow window(Instant from, Instant to) {
    return new TimeWindow(Timestamps.format(from), Timestamps.format(to));
  }

  private static String statsJson(StorageStats s) {
    JsonText json =
        new JsonText(192)
            .beginObject()
            .member("totalEvents", s.totalEvents())
            .member("totalSessions", s.totalSessions())
            .member("totalAgents", s.totalAgents());
    if (s.oldestEvent() != null) {
      json.member("oldestEvent", s.oldestEvent());
    }
    if (s.newestEvent() != null) {
      json.member("newestEvent", s.newestEvent());
    }
    return json.member("storageSizeBytes", s.storageSizeBytes()).endObject().toString();
  }

  private static String overviewJson(StatsOverview o) {
    return new JsonText(256)
        .beginObject()
        .member("eventsTodayCount", o.eventsTodayCount())
        .member("eventsYesterdayCount", o.eventsYesterdayCount())
        .member("errorsTodayCount", o.errorsTodayCount())
        .member("errorsYesterdayCount", o.errorsYesterdayCount())
        .member("sessionsTodayCount", o.sessionsTodayCount())
        .member("sessionsYesterdayCount", o.sessionsYesterdayCount())
        .member("totalAgents", o.totalAgents())
        .member("errorRate", o.errorRate())
        .endObject()
        .toString();
  }
}
