package dev.agentlens.api.events;

import dev.agentlens.api.http.JsonViews;
import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.TimelineHead;
import dev.agentlens.engine.store.EventReads;
import dev.agentlens.engine.store.TimelineWalk;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Streams {@code {"events":[…],"chainValid":…,"chained":…}} a page at a time, reading the next page
 * only once the client has taken the last: a session of any length costs one page of memory, and a
 * slow client holds no database snapshot open. The verdict is known before the first byte (the
 * {@link TimelineHead}), so a failure after the status line can only cut the connection, which a
 * client sees as an incomplete response rather than a shorter, valid-looking one.
 */
final class TimelineResponse {
  private static final Logger LOG = Logger.getLogger(TimelineResponse.class.getName());

  private final HttpServerResponse response;
  private boolean first = true;

  private TimelineResponse(HttpServerResponse response) {
    this.response = response;
  }

  static void send(
      HttpServerResponse response,
      EventReads reads,
      String tenantId,
      String sessionId,
      TimelineHead head) {
    response.setStatusCode(200).putHeader("Content-Type", "application/json; charset=utf-8");
    if (!head.more()) {
      // One page is the whole session: one write with a length, no chunking.
      StringBuilder sb = new StringBuilder(64 + head.firstPage().size() * 1024);
      sb.append("{\"events\":");
      JsonViews.events(head.firstPage(), sb);
      response.end(sb.append(verdict(head)).toString());
      return;
    }
    TimelineResponse r = new TimelineResponse(response);
    response.setChunked(true);
    response.write("{\"events\":[");
    TimelineWalk.walk(reads, tenantId, sessionId, head, TimelineWalk.PAGE, r::write)
        .onSuccess(v -> response.end("]" + verdict(head)))
        .onFailure(
            e -> {
              if (!response.closed()) {
                LOG.log(Level.WARNING, "timeline cut short after the status line", e);
                response.reset();
              }
            });
  }

  private static String verdict(TimelineHead head) {
    return ",\"chainValid\":" + head.chainValid() + ",\"chained\":" + head.chained() + "}";
  }

  /** Completes when the page has reached the socket, or fails when the client has gone. */
  private Future<Void> write(List<Event> page) {
    if (page.isEmpty()) {
      return Future.succeededFuture();
    }
    StringBuilder sb = new StringBuilder(page.size() * 1024);
    for (Event e : page) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      JsonViews.event(e, sb);
    }
    return response.write(sb.toString());
  }
}
