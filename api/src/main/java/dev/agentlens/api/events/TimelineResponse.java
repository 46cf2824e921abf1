package dev.agentlens.api.events;

import dev.agentlens.api.http.JsonViews;
import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.TimelineHead;
import dev.agentlens.engine.store.EventReads;
import dev.agentlens.engine.store.TimelineWalk;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Streams {@code {"events":[…],"chainValid":…,"chained":…}} a page at a time, reading the next page
 * only once the client has taken the last: a session of any length costs one page of memory, and a
 * slow client holds no database snapshot open. The verdict is known before the first byte (the
 * {@link TimelineHead}), so a failure after the status line can only cut the connection, which a
 * client sees as an incomplete response rather than a shorter, valid-looking one.
 *
 * <p>A page (~1 MB of JSON) is rendered into buffers of ~32 KiB, never one text: with the server's
 * small heap, G1 allocates any object of half a region (512 KiB) or more straight into the old
 * generation, and each such builder, string and byte array started a collection cycle of its own
 * (two per request, measured).
 */
final class TimelineResponse {
  private static final Logger LOG = Logger.getLogger(TimelineResponse.class.getName());
  private static final int CHUNK_CHARS = 32 * 1024;

  private final HttpServerResponse response;
  private final StringBuilder text = new StringBuilder(CHUNK_CHARS + 4 * 1024);
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
    TimelineResponse r = new TimelineResponse(response);
    r.text.append("{\"events\":[");
    if (!head.more()) {
      // One page is the whole session: sent with a length, no chunking.
      List<Buffer> body = r.render(head.firstPage());
      body.add(Buffer.buffer("]" + verdict(head)));
      long length = 0;
      for (Buffer b : body) {
        length += b.length();
      }
      response.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(length));
      body.forEach(response::write);
      response.end();
      return;
    }
    response.setChunked(true);
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
    List<Buffer> buffers = render(page);
    Future<Void> last = Future.succeededFuture();
    for (Buffer b : buffers) {
      last = response.write(b);
    }
    return last;
  }

  /** The page's events (after any text already pending) as buffers of about CHUNK_CHARS each. */
  private List<Buffer> render(List<Event> page) {
    List<Buffer> out = new ArrayList<>();
    for (Event e : page) {
      if (!first) {
        text.append(',');
      }
      first = false;
      JsonViews.event(e, text);
      if (text.length() >= CHUNK_CHARS) {
        out.add(take(text));
      }
    }
    if (!text.isEmpty()) {
      out.add(take(text));
    }
    return out;
  }

  /** The pending text as a buffer; the builder is cleared for the next chunk. */
  private static Buffer take(StringBuilder text) {
    Buffer b = Buffer.buffer(text.toString());
    text.setLength(0);
    return b;
  }
}
