package dev.agentlens.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  @TempDir Path tmp;

  @Test
  void writesThreeFilesIntoANewDirectory() throws Exception {
    Path dir = tmp.resolve("nested/out");
    List<Path> written = ReportWriter.write(SampleReports.sample(), dir, "bench-1");

    assertThat(written)
        .containsExactly(
            dir.resolve("bench-1.json"),
            dir.resolve("bench-1.md"),
            dir.resolve("bench-1-latency.svg"));
    assertThat(written).allMatch(Files::isRegularFile);
    assertThat(new JsonObject(Files.readString(written.get(0))).getString("mode"))
        .isEqualTo("quick");
    assertThat(Files.readString(written.get(1))).contains("](bench-1-latency.svg)");
    assertThat(
            LatencyChartTest.parse(Files.readString(written.get(2)))
                .getElementsByTagName("polyline")
                .getLength())
        .isEqualTo(3);
  }

  @Test
  void emptyReportStillWritesValidFiles() throws Exception {
    Report empty = new Report("empty", null, "quick", null, null, null, null, null, null);
    List<Path> written = ReportWriter.write(empty, tmp, "e");
    assertThat(new JsonObject(Files.readString(written.get(0))).getJsonArray("sweep")).isEmpty();
    assertThat(Files.readString(written.get(2))).contains("no sweep data");
  }

  @Test
  void rejectsABaseNameWithADirectory() {
    assertThatThrownBy(() -> ReportWriter.write(SampleReports.sample(), tmp, "a/b"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
