package dev.agentlens.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentlens.engine.model.IngestEvent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reports the parse cost of a realistic 100-event batch; informative only, nothing asserted. */
class IngestParserThroughputTest {
  private static final int WARM_UP = 1_500;
  private static final int MEASURED = 500;

  @Test
  void medianParseTimeOfAHundredEventBatch() {
    IngestParser parser = IngestFixtures.parser();
    byte[] body = IngestFixtures.realisticBatch(100);
    long sink = 0;
    for (int i = 0; i < WARM_UP; i++) {
      sink += parser.parse(body, "t").size();
    }
    long[] nanos = new long[MEASURED];
    for (int i = 0; i < MEASURED; i++) {
      long start = System.nanoTime();
      List<IngestEvent> events = parser.parse(body, "t");
      nanos[i] = System.nanoTime() - start;
      sink += events.size();
    }
    Arrays.sort(nanos);
    System.out.printf(
        "IngestParser: 100-event batch (%d bytes): median %.1f us, p90 %.1f us, p99 %.1f us%n",
        body.length,
        nanos[MEASURED / 2] / 1e3,
        nanos[MEASURED * 9 / 10] / 1e3,
        nanos[MEASURED * 99 / 100] / 1e3);
    assertThat(sink).isEqualTo(100L * (WARM_UP + MEASURED));
  }
}
