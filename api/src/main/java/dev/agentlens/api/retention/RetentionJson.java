package dev.agentlens.api.retention;

import dev.agentlens.engine.model.RetentionRun;
import dev.agentlens.engine.retention.RetentionReport;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Wire JSON of retention: a recorded run {@code {id, startedAt, finishedAt, cutoff, eventsDeleted,
 * anchorsWritten, sessionsRemoved, error}} (nulls written), and a run's report: the run's fields
 * plus {@code retentionDays}, {@code skipped} and {@code pagesReclaimed}, or {@code
 * {"skipped":true,"retentionDays":0}} when the policy keeps everything.
 */
public final class RetentionJson {
  private RetentionJson() {}

  public static JsonObject run(RetentionRun r) {
    return new JsonObject()
        .put("id", r.id())
        .put("startedAt", r.startedAt())
        .put("finishedAt", r.finishedAt())
        .put("cutoff", r.cutoff())
        .put("eventsDeleted", r.eventsDeleted())
        .put("anchorsWritten", r.anchorsWritten())
        .put("sessionsRemoved", r.sessionsRemoved())
        .put("error", r.error());
  }

  public static JsonObject report(RetentionReport report) {
    if (report.skipped()) {
      return new JsonObject().put("skipped", true).put("retentionDays", report.retentionDays());
    }
    return run(report.run())
        .put("retentionDays", report.retentionDays())
        .put("skipped", false)
        .put("pagesReclaimed", report.pagesReclaimed());
  }

  public static JsonObject runs(List<RetentionRun> runs) {
    JsonArray items = new JsonArray();
    runs.forEach(r -> items.add(run(r)));
    return new JsonObject().put("runs", items);
  }
}
