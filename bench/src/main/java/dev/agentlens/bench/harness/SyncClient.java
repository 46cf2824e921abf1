package dev.agentlens.bench.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Blocking GETs for the phases that ask one thing at a time (the queries, the stored count), on the
 * JDK's HTTP client. A fresh Vert.x client's first query after a closed-loop segment was parked in
 * its pool with no connection and never sent (twice in six runs), so these phases no longer go
 * through a Vert.x pool at all.
 */
final class SyncClient {
  private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(90);

  record Answer(int status, String body) {}

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(30))
          .build();
  private final String url;
  private final String authorization;

  SyncClient(String url, String key) {
    this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.authorization = "Bearer " + key;
  }

  Answer get(String path) {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Authorization", authorization)
            .timeout(REPLY_TIMEOUT)
            .GET()
            .build();
    try {
      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("GET " + path + " interrupted", e);
    }
  }
}
