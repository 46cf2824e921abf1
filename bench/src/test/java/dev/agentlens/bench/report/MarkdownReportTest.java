package dev.agentlens.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
  private final String md = MarkdownReport.render(SampleReports.sample(), "run-latency.svg");

  @Test
  void headerAndMachineTable() {
    assertThat(md)
        .startsWith(
            "# AgentLens ingest bench\n\nStarted 2025-03-04 05:06:07 UTC · mode **quick**\n");
    assertThat(md)
        .contains(
            "## Machine\n\n| property | value |\n|---|---|\n| os | Linux 6.1 |\n| cores | 2 |\n");
  }

  @Test
  void figureRowsShowValuesAndVerdicts() {
    assertThat(md)
        .contains("| figure | measured | seed target | seed | goal | goal verdict | note |")
        .contains(
            "| ack latency P95 at 25k ev/s, batch of 100 | 1.23 ms | < 5 ms per event | **PASS**"
                + " | < 2 ms | **PASS** |  |")
        .contains(
            "| sustained ingest | 31,235 events/s | — | n/a | >= 25k | **PASS** | open loop |")
        .contains("| peak RSS | not measured | < 512 MiB | n/a | — | n/a |  |");
  }

  @Test
  void failingFigureIsBoldFail() {
    Report r =
        new Report(
            "t", null, "full", null, null, List.of(SampleReports.ackP95(7.5)), null, null, null);
    assertThat(MarkdownReport.render(r, "x.svg"))
        .contains("| 7.50 ms | < 5 ms per event | **FAIL** | < 2 ms | **FAIL** |");
  }

  @Test
  void sweepTableAndChartLink() {
    assertThat(md)
        .contains("## Ack latency against offered rate")
        .contains("| 25,000 | 24,975 | 250,000 | 0 | 0.60 | 1.40 | 2.80 | 5.60 | 0.80 | 412 |")
        .contains("](run-latency.svg)");
  }

  @Test
  void queriesAreSortedByStoredEventsThenName() {
    int cost = md.indexOf("| 100,000 | cost rollup |");
    int alerts = md.indexOf("| 1,000,000 | alerts |");
    int trace = md.indexOf("| 1,000,000 | trace by id | 50 | 0.50 | 0.90 | 1.20 | 3.00 |");
    assertThat(cost).isPositive();
    assertThat(alerts).isGreaterThan(cost);
    assertThat(trace).isGreaterThan(alerts);
  }

  @Test
  void settingsAndNotes() {
    assertThat(md)
        .contains(
            "## Settings\n\n| setting | value |\n|---|---|\n| store | sqlite |\n| batch | 100 |\n")
        .endsWith("## Notes\n\n- quick mode: shorter steps\n- second note\n");
  }

  @Test
  void pipesAndLineBreaksCannotBreakTheTable() {
    Figure f = new Figure("a|b", "ms", 1.0, false, null, "x\ny", null, null, null);
    Report r = new Report("t", null, "full", null, null, List.of(f), null, null, List.of("l1\nl2"));
    String out = MarkdownReport.render(r, "x.svg");
    assertThat(out).contains("| a\\|b | 1.00 ms | x y | n/a | — | n/a |  |").contains("- l1 l2\n");
    assertThat(out).contains("_No sweep data._").contains("_No query measurements._");
  }

  @Test
  void htmlLikeTextIsEscapedButComparisonsAreNot() {
    Report r = new Report("<b>bench</b> < 5", null, "full", null, null, null, null, null, null);
    assertThat(MarkdownReport.render(r, "x.svg")).startsWith("# \\<b>bench\\</b> < 5\n");
  }
}
