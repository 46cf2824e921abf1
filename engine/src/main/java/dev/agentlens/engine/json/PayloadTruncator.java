package dev.agentlens.engine.json;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Payload truncation before hashing (reference §1.5 step 2): a payload whose canonical JSON exceeds
 * 10,240 UTF-8 bytes is replaced as a whole by the upstream {@code _truncated} marker.
 */
public final class PayloadTruncator {
  /** Upstream MAX_PAYLOAD_SIZE, in UTF-8 bytes of the serialized payload. */
  public static final int MAX_PAYLOAD_BYTES = 10240;

  private static final int PREVIEW_UTF16_UNITS = 200;

  /** No UTF-16 unit takes more than 3 UTF-8 bytes, so text this short can skip the byte count. */
  private static final int ALWAYS_FITS_CHARS = MAX_PAYLOAD_BYTES / 3;

  private PayloadTruncator() {}

  /**
   * Returns {@code canonicalPayloadJson} unchanged when it fits, else the canonical text of {@code
   * {"type":"_truncated","data":{"_truncated":true,"originalSize":n,"maxSize":10240,"preview":"…..."}}}.
   */
  public static String truncateIfNeeded(String canonicalPayloadJson) {
    if (canonicalPayloadJson.length() <= ALWAYS_FITS_CHARS) {
      return canonicalPayloadJson;
    }
    int bytes = CanonicalJson.utf8Length(canonicalPayloadJson);
    if (bytes <= MAX_PAYLOAD_BYTES) {
      return canonicalPayloadJson;
    }
    // JS slice(0, 200) counts UTF-16 units and may split a pair; the writer then escapes the lone
    // half.
    String preview =
        canonicalPayloadJson.substring(
                0, Math.min(PREVIEW_UTF16_UNITS, canonicalPayloadJson.length()))
            + "...";
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("_truncated", Boolean.TRUE);
    data.put("originalSize", (double) bytes);
    data.put("maxSize", (double) MAX_PAYLOAD_BYTES);
    data.put("preview", preview);
    Map<String, Object> marker = new LinkedHashMap<>();
    marker.put("type", "_truncated");
    marker.put("data", data);
    return CanonicalJson.write(marker);
  }
}
