package dev.agentlens.engine.store;

import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.Timeline;
import dev.agentlens.engine.model.TimelineCursor;
import dev.agentlens.engine.model.TimelineHead;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Walks a session's timeline a page at a time, so that serving a session of any length holds one
 * page in memory: each page is handed to a consumer whose future says when the next may be read
 * (the HTTP route completes it once the client has taken the bytes).
 */
public final class TimelineWalk {

  /** Events per page: about 1 MB of JSON. */
  public static final int PAGE = 1000;

  private final EventReads reads;
  private final String tenantId;
  private final String sessionId;
  private final TimelineHead head;
  private final int pageSize;
  private final Function<List<Event>, Future<Void>> consumer;
  private final Promise<Void> done = Promise.promise();

  private TimelineWalk(
      EventReads reads,
      String tenantId,
      String sessionId,
      TimelineHead head,
      int pageSize,
      Function<List<Event>, Future<Void>> consumer) {
    this.reads = reads;
    this.tenantId = tenantId;
    this.sessionId = sessionId;
    this.head = head;
    this.pageSize = pageSize;
    this.consumer = consumer;
  }

  /**
   * Feeds every page of the timeline bounded by {@code head} to {@code consumer}, in order,
   * starting with the head's first page (read with the same {@code pageSize}), the next only after
   * the previous one's future succeeded; fails on the first failure of either.
   */
  public static Future<Void> walk(
      EventReads reads,
      String tenantId,
      String sessionId,
      TimelineHead head,
      int pageSize,
      Function<List<Event>, Future<Void>> consumer) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize not >= 1");
    }
    TimelineWalk w = new TimelineWalk(reads, tenantId, sessionId, head, pageSize, consumer);
    w.then(Future.succeededFuture(head.firstPage()), head.more());
    return w.done.future();
  }

  /** The whole timeline in memory: for tests and tools; the HTTP route streams instead. */
  public static Future<Optional<Timeline>> readAll(
      EventReads reads, String tenantId, String sessionId) {
    return reads
        .timelineHead(tenantId, sessionId, PAGE)
        .compose(
            found -> {
              if (found.isEmpty()) {
                return Future.succeededFuture(Optional.empty());
              }
              TimelineHead head = found.get();
              List<Event> events = new ArrayList<>();
              return walk(
                      reads,
                      tenantId,
                      sessionId,
                      head,
                      PAGE,
                      page -> {
                        events.addAll(page);
                        return Future.succeededFuture();
                      })
                  .map(v -> Optional.of(new Timeline(events, head.chainValid(), head.chained())));
            });
  }

  // Each round completes the one promise rather than nesting futures, so a session of any number
  // of pages never builds a chain of completions as deep as its page count.
  private void then(Future<List<Event>> read, boolean more) {
    read.compose(page -> consumer.apply(page).map(v -> page))
        .onComplete(
            ar -> {
              if (ar.failed()) {
                done.fail(ar.cause());
              } else if (!more || ar.result().size() < pageSize) {
                done.complete();
              } else {
                TimelineCursor after =
                    TimelineCursor.after(ar.result().get(ar.result().size() - 1));
                then(
                    reads.timelinePage(tenantId, sessionId, head.lastSeq(), after, pageSize), true);
              }
            });
  }
}
