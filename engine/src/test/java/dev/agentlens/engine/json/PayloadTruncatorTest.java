package dev.agentlens.engine.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reference §1.5 step 2. */
class PayloadTruncatorTest {

  /** {"d":"xxx…"} with exactly {@code bytes} UTF-8 bytes of ASCII. */
  private static String asciiPayload(int bytes) {
    return CanonicalJson.write(Map.of("d", "x".repeat(bytes - 8)));
  }

  @Test
  void exactlyTheLimitIsKept() {
    String payload = asciiPayload(10240);
    assertThat(CanonicalJson.utf8Length(payload)).isEqualTo(10240);
    assertThat(PayloadTruncator.truncateIfNeeded(payload)).isSameAs(payload);
  }

  @Test
  void oneByteOverIsReplacedByTheMarker() {
    String payload = asciiPayload(10241);
    String preview = payload.substring(0, 200) + "...";
    assertThat(PayloadTruncator.truncateIfNeeded(payload))
        .isEqualTo(
            "{\"type\":\"_truncated\",\"data\":{\"_truncated\":true,\"originalSize\":10241,"
                + "\"maxSize\":10240,\"preview\":"
                + CanonicalJson.write(preview)
                + "}}");
  }

  @Test
  void markerTextIsExact() {
    String payload = asciiPayload(10241);
    assertThat(PayloadTruncator.truncateIfNeeded(payload))
        .isEqualTo(
            "{\"type\":\"_truncated\",\"data\":{\"_truncated\":true,\"originalSize\":10241,"
                + "\"maxSize\":10240,\"preview\":\"{\\\"d\\\":\\\""
                + "x".repeat(194)
                + "...\"}}");
  }

  @Test
  void multiByteCharsCountAsUtf8Bytes() {
    // 6000 × "é" = 12,000 bytes but only 6,000 UTF-16 units; plus {"text":"…","n":1}.
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("text", "é".repeat(6000));
    p.put("n", 1.0);
    String payload = CanonicalJson.write(p);
    assertThat(payload.length()).isLessThan(PayloadTruncator.MAX_PAYLOAD_BYTES);
    String truncated = PayloadTruncator.truncateIfNeeded(payload);
    assertThat(truncated).contains("\"originalSize\":12017,\"maxSize\":10240,");
    assertThat(truncated)
        .endsWith("\"preview\":\"{\\\"text\\\":\\\"" + "é".repeat(191) + "...\"}}");
    // Hash of the whole marker as computed by Node's JSON.stringify of the same marker.
    assertThat(EventHasher.sha256Hex(truncated))
        .isEqualTo("83ee5fc2ca329d9b1fe828a4d877d146b94e8825c99a6e800821d56487990baa");
  }

  @Test
  void threeByteCharsAtTheLimitAreKept() {
    // {"abc":""} is 10 bytes; 3410 × U+2028 adds 10,230.
    String payload = CanonicalJson.write(Map.of("abc", "\u2028".repeat(3410)));
    assertThat(CanonicalJson.utf8Length(payload)).isEqualTo(10240);
    assertThat(PayloadTruncator.truncateIfNeeded(payload)).isSameAs(payload);
    String over = CanonicalJson.write(Map.of("abc", "\u2028".repeat(3411)));
    assertThat(PayloadTruncator.truncateIfNeeded(over)).contains("\"originalSize\":10243,");
  }

  @Test
  void twoByteCharsAtTheLimitAreKept() {
    // {"d":""} is 8 bytes; 5116 × é adds 10,232.
    String payload = CanonicalJson.write(Map.of("d", "é".repeat(5116)));
    assertThat(PayloadTruncator.truncateIfNeeded(payload)).isSameAs(payload);
    String over = CanonicalJson.write(Map.of("d", "é".repeat(5117)));
    assertThat(PayloadTruncator.truncateIfNeeded(over)).contains("\"originalSize\":10242,");
  }

  @Test
  void previewCutInsideASurrogatePairEscapesTheLoneHalf() {
    // {"e":" is 6 units; 193 x's bring it to 199, so unit 200 is the high half of an emoji.
    String payload =
        CanonicalJson.write(Map.of("e", "x".repeat(193) + "\uD83D\uDE00".repeat(3000)));
    String truncated = PayloadTruncator.truncateIfNeeded(payload);
    assertThat(truncated).contains("\"originalSize\":12201,");
    assertThat(truncated).endsWith("x\\ud83d...\"}}");
  }

  @Test
  void smallPayloadsAreReturnedAsIs() {
    assertThat(PayloadTruncator.truncateIfNeeded("{}")).isEqualTo("{}");
  }
}
