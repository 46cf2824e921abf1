package dev.agentlens.bench.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The report as pretty-printed JSON, built field by field: jackson-databind is not on the
 * classpath, and explicit fields keep the file format independent of record refactors.
 */
final class JsonReport {
  private JsonReport() {}

  static String render(Report r) {
    JsonObject root =
        new JsonObject()
            .put("title", r.title())
            .put("startedAt", r.startedAt() == null ? null : r.startedAt().toString())
            .put("mode", r.mode())
            .put("machine", strings(r.machine()))
            .put("settings", strings(r.settings()));
    JsonArray figures = new JsonArray();
    r.figures().forEach(f -> figures.add(figure(f)));
    JsonArray sweep = new JsonArray();
    r.sweep().forEach(p -> sweep.add(ratePoint(p)));
    JsonArray queries = new JsonArray();
    r.queries().forEach(q -> queries.add(query(q)));
    JsonArray notes = new JsonArray();
    r.notes().forEach(notes::add);
    return root.put("figures", figures)
        .put("sweep", sweep)
        .put("queries", queries)
        .put("notes", notes)
        .encodePrettily();
  }

  private static JsonObject figure(Figure f) {
    return new JsonObject()
        .put("name", f.name())
        .put("unit", f.unit())
        .put("measured", number(f.measured()))
        .put("higherIsBetter", f.higherIsBetter())
        .put("seedLimit", f.seedLimit() == null ? null : number(f.seedLimit()))
        .put("seedTarget", f.seedTarget())
        .put("goalLimit", f.goalLimit() == null ? null : number(f.goalLimit()))
        .put("goal", f.goal())
        .put("note", f.note())
        .put("seedVerdict", f.seedVerdict().name())
        .put("goalVerdict", f.goalVerdict().name());
  }

  private static JsonObject ratePoint(RatePoint p) {
    return new JsonObject()
        .put("offeredEventsPerSecond", p.offeredEventsPerSecond())
        .put("achievedEventsPerSecond", number(p.achievedEventsPerSecond()))
        .put("requests", p.requests())
        .put("errors", p.errors())
        .put("p50Ms", number(p.p50Ms()))
        .put("p95Ms", number(p.p95Ms()))
        .put("p99Ms", number(p.p99Ms()))
        .put("maxMs", number(p.maxMs()))
        .put("serverCpuCores", number(p.serverCpuCores()))
        .put("serverPeakRssMiB", p.serverPeakRssMiB());
  }

  private static JsonObject query(QueryResult q) {
    return new JsonObject()
        .put("name", q.name())
        .put("storedEvents", q.storedEvents())
        .put("calls", q.calls())
        .put("p50Ms", number(q.p50Ms()))
        .put("p95Ms", number(q.p95Ms()))
        .put("p99Ms", number(q.p99Ms()))
        .put("maxMs", number(q.maxMs()));
  }

  private static JsonObject strings(Map<String, String> m) {
    JsonObject o = new JsonObject();
    m.forEach(o::put);
    return o;
  }

  /** JSON has no NaN or infinity; null says "not measured" to any reader. */
  private static Double number(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
