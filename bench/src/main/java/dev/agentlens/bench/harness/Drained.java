package dev.agentlens.bench.harness;

import io.vertx.core.Promise;
import java.util.concurrent.TimeUnit;

/** Waits until the server has committed everything it acknowledged (journal backlog 0). */
final class Drained {
  private static final long POLL_MS = 50;

  /** A backlog that does not move for this long will not drain: fail, naming it. */
  private static final long STALL_MS = 120_000;

  private Drained() {}

  static void await(LoadClient client) throws Exception {
    Promise<Void> p = Promise.promise();
    client.vertx().runOnContext(v -> poll(client, p, -1, System.nanoTime()));
    p.future().toCompletionStage().toCompletableFuture().get(2, TimeUnit.HOURS);
  }

  private static void poll(LoadClient client, Promise<Void> p, long last, long lastChange) {
    client
        .backlog()
        .onComplete(
            ar -> {
              long now = System.nanoTime();
              long backlog = ar.succeeded() ? ar.result() : -1;
              if (backlog == 0) {
                p.complete();
                return;
              }
              long changed = backlog != last ? now : lastChange;
              if (now - changed > STALL_MS * 1_000_000) {
                p.fail(
                    new IllegalStateException(
                        backlog < 0
                            ? "server health unreadable for 120 s: " + ar.cause()
                            : "server backlog stuck at " + backlog + " events for 120 s"));
                return;
              }
              client.vertx().setTimer(POLL_MS, id -> poll(client, p, backlog, changed));
            });
  }
}
