package dev.agentlens.api.events;

import dev.agentlens.api.auth.AuthHandler;
import dev.agentlens.api.auth.Principal;
import dev.agentlens.api.http.ApiException;
import dev.agentlens.api.http.JsonViews;
import dev.agentlens.api.ingest.IngestParser;
import dev.agentlens.engine.journal.ChronicleJournal;
import dev.agentlens.engine.metrics.IngestMetrics;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.store.EventReads;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * POST /api/events on the event loop: backpressure check, parse + validate + canonicalise, one
 * journal append, then 202 once the entry is durable per journal.sync — or, with {@code
 * ?wait=true}, 201 with hashes once the drainer committed it (SPEC §1).
 */
public final class IngestHandler implements Handler<RoutingContext> {

  private final IngestParser parser;
  private final ChronicleJournal journal;
  private final IngestMetrics metrics;
  private final CommitWaiters waiters;
  private final EventReads reads;
  private final long maxBacklogEvents;
  private final BooleanSupplier diskLow;

  public IngestHandler(
      IngestParser parser,
      ChronicleJournal journal,
      IngestMetrics metrics,
      CommitWaiters waiters,
      EventReads reads,
      long maxBacklogEvents,
      BooleanSupplier diskLow) {
    this.parser = parser;
    this.journal = journal;
    this.metrics = metrics;
    this.waiters = waiters;
    this.reads = reads;
    this.maxBacklogEvents = maxBacklogEvents;
    this.diskLow = diskLow;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (diskLow.getAsBoolean()) {
      throw unavailable("Journal disk is almost full; retry later", 30);
    }
    if (metrics.backlog() >= maxBacklogEvents) {
      throw unavailable("Ingest backlog is full; retry later", 1);
    }
    Principal principal = AuthHandler.principal(ctx);
    List<IngestEvent> events = parser.parse(ctx.body().buffer(), principal.tenantId());
    boolean wait = "true".equals(ctx.request().getParam("wait"));
    String firstId = events.get(0).id();
    Future<Map<String, String>> committed =
        wait ? waiters.register(firstId, ctx.vertx().getOrCreateContext()) : null;
    long index;
    try {
      index = journal.append(principal.tenantId(), events);
    } catch (RuntimeException e) {
      if (wait) {
        waiters.cancel(firstId);
      }
      throw unavailable("Journal unavailable; retry later", 5);
    }
    metrics.appended(events.size());
    Future<Void> durable = journal.durable(index);
    if (!wait) {
      durable.onSuccess(v -> respond(ctx, 202, events, null)).onFailure(ctx::fail);
      return;
    }
    durable
        .compose(v -> committed)
        .compose(hashes -> fillDuplicates(principal.tenantId(), hashes))
        .onSuccess(hashes -> respond(ctx, 201, events, hashes))
        .onFailure(ctx::fail);
  }

  /**
   * A repeated client id was not stored again: answer with the hash of the stored original. Each
   * lookup is a {@code map}, so it completes only once its hash is in: with an {@code onSuccess}
   * beside {@code Future.all} on the same future, a read that completed between the two
   * registrations ran the {@code all} first and answered a null hash (a flaky IT).
   */
  private Future<Map<String, String>> fillDuplicates(String tenantId, Map<String, String> hashes) {
    List<Future<?>> lookups = new ArrayList<>();
    for (Map.Entry<String, String> e : hashes.entrySet()) {
      if (e.getValue() == null) {
        lookups.add(
            reads
                .get(tenantId, e.getKey())
                .map(
                    found -> {
                      found.ifPresent(ev -> e.setValue(ev.hash()));
                      return e;
                    }));
      }
    }
    return lookups.isEmpty()
        ? Future.succeededFuture(hashes)
        : Future.all(lookups).map(v -> hashes);
  }

  private static void respond(
      RoutingContext ctx, int status, List<IngestEvent> events, Map<String, String> hashes) {
    StringBuilder sb = new StringBuilder(48 + events.size() * (hashes == null ? 40 : 120));
    sb.append("{\"ingested\":").append(events.size()).append(",\"events\":[");
    for (int i = 0; i < events.size(); i++) {
      String id = events.get(i).id();
      sb.append(i == 0 ? "{\"id\":" : ",{\"id\":");
      JsonViews.str(id, sb);
      if (hashes != null) {
        sb.append(",\"hash\":");
        JsonViews.str(hashes.get(id), sb);
      }
      sb.append('}');
    }
    sb.append("]}");
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(sb.toString());
  }

  private ApiException unavailable(String message, int retryAfterSeconds) {
    metrics.rejected();
    return new ApiException(
        503, new JsonObject().put("error", message).put("retryAfterSeconds", retryAfterSeconds));
  }
}
