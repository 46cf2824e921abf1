package dev.agentlens.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class JsonReportTest {
  private final String text = JsonReport.render(SampleReports.sample());
  private final JsonObject json = new JsonObject(text);

  @Test
  void isPrettyPrintedAndKeepsTheHeader() {
    assertThat(text).contains("\n  \"title\"");
    assertThat(json.getString("title")).isEqualTo("AgentLens ingest bench");
    assertThat(json.getString("startedAt")).isEqualTo("2025-03-04T05:06:07Z");
    assertThat(json.getString("mode")).isEqualTo("quick");
    assertThat(json.getJsonObject("machine").fieldNames()).containsExactly("os", "cores", "java");
    assertThat(json.getJsonObject("settings").getString("batch")).isEqualTo("100");
    assertThat(json.getJsonArray("notes"))
        .containsExactly("quick mode: shorter steps", "second note");
  }

  @Test
  void figuresCarryEveryFieldAndTheVerdicts() {
    JsonArray figures = json.getJsonArray("figures");
    assertThat(figures).hasSize(3);
    JsonObject ack = figures.getJsonObject(0);
    assertThat(ack.fieldNames())
        .containsExactly(
            "name",
            "unit",
            "measured",
            "higherIsBetter",
            "seedLimit",
            "seedTarget",
            "goalLimit",
            "goal",
            "note",
            "seedVerdict",
            "goalVerdict");
    assertThat(ack.getDouble("measured")).isEqualTo(1.234);
    assertThat(ack.getBoolean("higherIsBetter")).isFalse();
    assertThat(ack.getDouble("seedLimit")).isEqualTo(5.0);
    assertThat(ack.getString("seedTarget")).isEqualTo("< 5 ms per event");
    assertThat(ack.getString("seedVerdict")).isEqualTo("PASS");
    assertThat(ack.getString("goalVerdict")).isEqualTo("PASS");

    JsonObject rate = figures.getJsonObject(1);
    assertThat(rate.containsKey("seedLimit")).isTrue();
    assertThat(rate.getValue("seedLimit")).isNull();
    assertThat(rate.getString("seedVerdict")).isEqualTo("NA");
    assertThat(rate.getString("goalVerdict")).isEqualTo("PASS");
  }

  @Test
  void notMeasuredIsNull() {
    JsonObject rss = json.getJsonArray("figures").getJsonObject(2);
    assertThat(rss.containsKey("measured")).isTrue();
    assertThat(rss.getValue("measured")).isNull();
    assertThat(rss.getString("seedVerdict")).isEqualTo("NA");
    assertThat(text).doesNotContain("NaN");
  }

  @Test
  void sweepAndQueriesCarryEveryField() {
    JsonObject p = json.getJsonArray("sweep").getJsonObject(1);
    assertThat(p.fieldNames())
        .containsExactly(
            "offeredEventsPerSecond",
            "achievedEventsPerSecond",
            "requests",
            "errors",
            "p50Ms",
            "p95Ms",
            "p99Ms",
            "maxMs",
            "serverCpuCores",
            "serverPeakRssMiB");
    assertThat(p.getInteger("offeredEventsPerSecond")).isEqualTo(25_000);
    assertThat(p.getDouble("p95Ms")).isEqualTo(1.4);
    assertThat(p.getLong("requests")).isEqualTo(250_000L);
    assertThat(p.getLong("serverPeakRssMiB")).isEqualTo(412L);

    JsonObject q = json.getJsonArray("queries").getJsonObject(0);
    assertThat(q.fieldNames())
        .containsExactly("name", "storedEvents", "calls", "p50Ms", "p95Ms", "p99Ms", "maxMs");
    assertThat(q.getString("name")).isEqualTo("trace by id");
    assertThat(q.getLong("storedEvents")).isEqualTo(1_000_000L);
    assertThat(q.getInteger("calls")).isEqualTo(50);
  }

  @Test
  void nanInsideSweepIsNullToo() {
    Report r =
        new Report(
            "t",
            null,
            "full",
            null,
            null,
            null,
            java.util.List.of(SampleReports.point(1_000, Double.NaN, 1.0, 2.0)),
            null,
            null);
    JsonObject parsed = new JsonObject(JsonReport.render(r));
    assertThat(parsed.getValue("startedAt")).isNull();
    assertThat(parsed.getJsonArray("sweep").getJsonObject(0).getValue("p50Ms")).isNull();
    assertThat(parsed.getJsonArray("figures")).isEmpty();
  }
}
