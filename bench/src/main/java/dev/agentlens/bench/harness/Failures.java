package dev.agentlens.bench.harness;

import io.vertx.core.AsyncResult;
import java.util.concurrent.atomic.AtomicInteger;

/** Prints the first few failed requests of a run, so a broken run says why without flooding. */
final class Failures {
  private static final int SHOWN = 3;
  private static final AtomicInteger seen = new AtomicInteger();

  private Failures() {}

  static void first(AsyncResult<LoadClient.Reply> ar) {
    if (seen.incrementAndGet() > SHOWN) {
      return;
    }
    if (ar.failed()) {
      System.err.println("request failed: " + ar.cause());
    } else {
      String body = ar.result().body().toString();
      System.err.println(
          "request answered "
              + ar.result().status()
              + ": "
              + body.substring(0, Math.min(300, body.length())));
    }
  }
}
