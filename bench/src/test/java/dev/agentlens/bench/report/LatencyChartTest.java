package dev.agentlens.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class LatencyChartTest {

  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> elements(Document d, String tag) {
    NodeList nodes = d.getElementsByTagName(tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  private static List<String> texts(Document d) {
    return elements(d, "text").stream().map(Element::getTextContent).toList();
  }

  private static Element group(Document d, String cls) {
    return elements(d, "g").stream()
        .filter(g -> g.getAttribute("class").equals(cls))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void threePointSweepGivesThreeSeriesOfThreePoints() throws Exception {
    Document d = parse(LatencyChart.svg(SampleReports.threePoints(), "run"));
    Element root = d.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("svg");
    assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    List<Element> lines = elements(d, "polyline");
    assertThat(lines).hasSize(3);
    for (Element l : lines) {
      assertThat(l.getAttribute("points").split(" ")).hasSize(3);
    }
    assertThat(group(d, "series p50")).isNotNull();
    assertThat(group(d, "series p99")).isNotNull();
    assertThat(texts(d)).contains("P50", "P95", "P99", "ack latency (ms)", "0", "2", "4", "6", "8");
    assertThat(texts(d)).contains("0", "10k", "20k", "50k");
  }

  @Test
  void seriesRiseLeftToRightAndUpwards() throws Exception {
    Document d = parse(LatencyChart.svg(SampleReports.threePoints(), ""));
    String[] pts =
        group(d, "series p99")
            .getElementsByTagName("polyline")
            .item(0)
            .getAttributes()
            .getNamedItem("points")
            .getNodeValue()
            .split(" ");
    double x0 = Double.parseDouble(pts[0].split(",")[0]);
    double x2 = Double.parseDouble(pts[2].split(",")[0]);
    double y0 = Double.parseDouble(pts[0].split(",")[1]);
    double y2 = Double.parseDouble(pts[2].split(",")[1]);
    assertThat(x2).isGreaterThan(x0);
    assertThat(y2).isLessThan(y0); // SVG y grows downwards: higher latency sits higher up
  }

  @Test
  void goalLineDrawnOnlyWhenInRange() throws Exception {
    Document inRange = parse(LatencyChart.svg(SampleReports.threePoints(), ""));
    assertThat(group(inRange, "goal").getTextContent().strip()).isEqualTo("goal P95 < 2 ms");

    Document below =
        parse(LatencyChart.svg(List.of(SampleReports.point(1_000, 0.2, 0.4, 0.6)), ""));
    assertThat(elements(below, "g")).noneMatch(g -> g.getAttribute("class").equals("goal"));
    assertThat(elements(below, "polyline")).hasSize(3);
  }

  @Test
  void emptySweepStillValidAndSaysSo() throws Exception {
    Document d = parse(LatencyChart.svg(List.of(), "empty run"));
    assertThat(elements(d, "polyline")).isEmpty();
    assertThat(texts(d)).contains("no sweep data");
  }

  @Test
  void wideLatencyRangeUsesLogScale() throws Exception {
    List<RatePoint> sweep =
        List.of(
            SampleReports.point(10_000, 0.3, 0.8, 1.5),
            SampleReports.point(20_000, 0.5, 1.9, 6.0),
            SampleReports.point(30_000, 2.0, 15.0, 40.0));
    Document d = parse(LatencyChart.svg(sweep, ""));
    assertThat(texts(d))
        .contains("ack latency (ms, log scale)", "0.1", "1", "10", "100", "goal P95 < 2 ms");
    assertThat(elements(d, "polyline")).hasSize(3);
    assertThat(elements(d, "circle")).hasSize(9 + 3); // 9 markers plus 3 legend swatches
  }

  @Test
  void narrowRangeStaysLinear() throws Exception {
    Document d = parse(LatencyChart.svg(SampleReports.threePoints(), ""));
    assertThat(texts(d)).doesNotContain("ack latency (ms, log scale)");
  }

  @Test
  void missingPercentilesAreSkippedAndTextIsEscaped() throws Exception {
    List<RatePoint> sweep =
        List.of(
            SampleReports.point(1_000, Double.NaN, 1.0, 1.5),
            SampleReports.point(2_000, 0.5, 1.2, 1.8));
    String svg = LatencyChart.svg(sweep, "<bench> & \"quotes\"");
    Document d = parse(svg);
    assertThat(texts(d)).contains("<bench> & \"quotes\"");
    assertThat(group(d, "series p50").getElementsByTagName("circle").getLength()).isEqualTo(1);
    assertThat(svg).doesNotContain("NaN");
  }

  @Test
  void allLatenciesMissingCountsAsNoData() throws Exception {
    Document d =
        parse(
            LatencyChart.svg(
                List.of(SampleReports.point(1_000, Double.NaN, Double.NaN, Double.NaN)), ""));
    assertThat(texts(d)).contains("no sweep data");
  }

  @Test
  void longSubtitleIsCutWithoutSplittingACharacter() throws Exception {
    String subtitle = "x".repeat(88) + "\uD83D\uDE80" + "y".repeat(20);
    Document d = parse(LatencyChart.svg(SampleReports.threePoints(), subtitle));
    assertThat(texts(d)).contains("x".repeat(88) + "…");
  }
}
