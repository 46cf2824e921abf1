package dev.agentlens.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Writes one bench run's report as JSON (for tools), Markdown (for people) and an SVG chart. */
public final class ReportWriter {
  private ReportWriter() {}

  /**
   * Creates {@code dir} if needed and writes {@code <baseName>.json}, {@code <baseName>.md} and
   * {@code <baseName>-latency.svg}, replacing files of those names.
   *
   * @return the paths written, in that order
   */
  public static List<Path> write(Report r, Path dir, String baseName) throws IOException {
    Objects.requireNonNull(r, "r");
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(baseName, "baseName");
    // The Markdown links the chart by bare name, so all three files must share one directory.
    if (baseName.isBlank() || baseName.contains("/") || baseName.contains("\\")) {
      throw new IllegalArgumentException("baseName must be a plain file name: " + baseName);
    }
    Files.createDirectories(dir);
    String chartName = baseName + "-latency.svg";
    Path json = dir.resolve(baseName + ".json");
    Path markdown = dir.resolve(baseName + ".md");
    Path chart = dir.resolve(chartName);
    Files.writeString(json, JsonReport.render(r) + "\n", StandardCharsets.UTF_8);
    Files.writeString(markdown, MarkdownReport.render(r, chartName), StandardCharsets.UTF_8);
    Files.writeString(chart, LatencyChart.svg(r.sweep(), r.title()), StandardCharsets.UTF_8);
    return List.of(json, markdown, chart);
  }
}
