package dev.agentlens.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.engine.model.ChainBreak;
import dev.agentlens.engine.model.ChainReport;
import dev.agentlens.engine.model.TimeWindow;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's exact text and its signature, pinned to vectors computed outside Java. */
class AuditReportsTest {

  private static final String AT = "2026-01-02T03:04:05.678Z";

  private static AuditReports reports(String key) {
    return new AuditReports(null, key, Clock.systemUTC());
  }

  @Test
  void aWindowReportWithABreakIsSignedOverItsSortedKeys() {
    AuditReports.Report r =
        reports("k")
            .report(
                new ChainReport(2, 7, List.of(new ChainBreak("s-2", 3, "hash mismatch"))),
                AT,
                new TimeWindow("2026-01-01T00:00:00.000Z", "2026-01-02T00:00:00.000Z"),
                null);

    assertThat(r.verified()).isFalse();
    // hmac.new(b"k", canonical, sha256) in Python over the sorted-key text.
    assertThat(r.json())
        .isEqualTo(
            "{\"verified\":false,\"verifiedAt\":\"2026-01-02T03:04:05.678Z\","
                + "\"range\":{\"from\":\"2026-01-01T00:00:00.000Z\","
                + "\"to\":\"2026-01-02T00:00:00.000Z\"},\"sessionsVerified\":2,\"totalEvents\":7,\"brokenChains\":[{\"sessionId\":\"s-2\",\"seq\":3,\"reason\":\"hash"
                + " mismatch\"}],\"signature\":\"hmac-sha256:"
                + "3a67125b51caf95fc08e03a410171b756453d3f57ec03d57a5e339181bb1cdfa\"}");
  }

  @Test
  void aSessionReportNamesTheSessionAndHasNoRange() {
    AuditReports.Report r = reports("k").report(new ChainReport(1, 4, List.of()), AT, null, "s-1");

    assertThat(r.verified()).isTrue();
    assertThat(r.json())
        .isEqualTo(
            "{\"verified\":true,\"verifiedAt\":\"2026-01-02T03:04:05.678Z\",\"range\":null,"
                + "\"sessionId\":\"s-1\",\"sessionsVerified\":1,\"totalEvents\":4,"
                + "\"brokenChains\":[],\"signature\":\"hmac-sha256:"
                + "b3da736ec0e076f9cbc1b258f7e1dc1160a446edbf632cfb97b848c2160e3f6a\"}");
  }

  @Test
  void withoutAKeyTheSignatureIsNull() {
    for (String none : new String[] {null, ""}) {
      assertThat(reports(none).report(new ChainReport(0, 0, List.of()), AT, null, null).json())
          .endsWith(",\"brokenChains\":[],\"signature\":null}");
    }
  }
}
