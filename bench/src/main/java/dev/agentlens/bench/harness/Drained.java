package dev.agentlens.bench.harness;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.TimeUnit;

/** Waits until the server has committed everything it acknowledged (journal backlog 0). */
final class Drained {
  private static final long POLL_MS = 50;

  private Drained() {}

  static void await(LoadClient client) throws Exception {
    Promise<Void> p = Promise.promise();
    client.vertx().runOnContext(v -> poll(client, p));
    p.future().toCompletionStage().toCompletableFuture().get(2, TimeUnit.HOURS);
  }

  private static void poll(LoadClient client, Promise<Void> p) {
    Future<Long> backlog = client.backlog();
    backlog.onComplete(
        ar -> {
          if (ar.succeeded() && ar.result() == 0) {
            p.complete();
          } else {
            client.vertx().setTimer(POLL_MS, id -> poll(client, p));
          }
        });
  }
}
