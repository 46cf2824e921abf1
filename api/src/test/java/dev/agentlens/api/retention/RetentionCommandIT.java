package dev.agentlens.api.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.api.TestServer;
import dev.agentlens.api.WireEvents;
import dev.agentlens.api.cli.Cli;
import dev.agentlens.engine.model.Timestamps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar … retention run}: the server's policy, run in-process on a temp data dir. */
class RetentionCommandIT {

  @TempDir Path dir;

  private record Result(int exit, String out, String err) {}

  private Result cli(String... args) {
    return cli(new Properties(), args);
  }

  /** Runs the CLI on the temp data dir with extra -Dagentlens.* properties. */
  private Result cli(Properties extra, String... args) {
    Properties sys = new Properties();
    sys.putAll(extra);
    sys.setProperty("agentlens.data-dir", dir.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = Cli.run(args, Map.of(), sys, o, e);
    }
    return new Result(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void retentionRunPurgesWithTheServersPolicyAndRecordsTheRun() throws Exception {
    String old = Timestamps.format(Instant.now().minus(Duration.ofDays(120)));
    try (TestServer server = TestServer.start(dir, Map.of())) {
      JsonArray events =
          new JsonArray()
              .add(WireEvents.event("cli-s", "cli-agent", "session_started").put("timestamp", old))
              .add(WireEvents.event("cli-s", "cli-agent", "tool_call").put("timestamp", old))
              .add(WireEvents.event("cli-s", "cli-agent", "tool_call"))
              .add(WireEvents.event("cli-old", "cli-agent", "tool_call").put("timestamp", old));
      TestServer.Response r = server.post("/api/events?wait=true", WireEvents.body(events));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    Result first = cli("retention", "run");
    Result second = cli("retention", "run");

    assertThat(first.exit()).as(first.err()).isZero();
    JsonObject report = new JsonObject(first.out().trim());
    assertThat(report.getLong("eventsDeleted")).isEqualTo(3);
    assertThat(report.getLong("sessionsRemoved")).isEqualTo(1);
    assertThat(report.getInteger("retentionDays")).isEqualTo(90);
    assertThat(second.exit()).isZero();
    assertThat(new JsonObject(second.out().trim()).getLong("eventsDeleted")).isZero();
    try (TestServer server = TestServer.start(dir, Map.of())) {
      JsonArray runs = server.get("/api/retention/runs").json().getJsonArray("runs");
      assertThat(runs).hasSize(2);
      assertThat(runs.getJsonObject(1).getString("id")).isEqualTo(report.getString("id"));
      JsonObject timeline = server.get("/api/sessions/cli-s/timeline").json();
      assertThat(timeline.getJsonArray("events")).hasSize(1);
      assertThat(timeline.getBoolean("chainValid")).isTrue();
    }
  }

  @Test
  void aPolicyOfZeroDaysRunsNothing() {
    Properties zero = new Properties();
    zero.setProperty("agentlens.retention.days", "0");
    Result r = cli(zero, "retention", "run");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(new JsonObject(r.out().trim()))
        .isEqualTo(new JsonObject().put("skipped", true).put("retentionDays", 0));
  }

  @Test
  void anUnknownSubcommandIsAUsageError() {
    Result missing = cli("retention");
    Result unknown = cli("retention", "purge");

    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("subcommand (run) is required").contains("retention run");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown subcommand purge");
  }
}
