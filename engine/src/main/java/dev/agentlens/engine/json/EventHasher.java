package dev.agentlens.engine.json;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The v2 event hash (reference §2.1): lowercase hex SHA-256 of the UTF-8 bytes of {@code
 * JSON.stringify} of {@code
 * {v:2,id,timestamp,sessionId,agentId,eventType,severity,payload,metadata,prevHash}} in exactly
 * that order.
 *
 * <p>Runs on the ingest hot path, so the digest, the text buffer and the byte buffer are per-thread
 * and reused.
 */
public final class EventHasher {
  private static final int HASH_VERSION = 2;
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /**
   * Buffers that grew past this (huge metadata) are dropped after use instead of pinned per thread.
   */
  private static final int MAX_RETAINED_CHARS = 64 * 1024;

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /** Per-thread reusable state; never shared between threads. */
  private static final class Scratch {
    final MessageDigest digest = newSha256();
    StringBuilder text = new StringBuilder(1024);
    byte[] bytes = new byte[4096];
  }

  private EventHasher() {}

  /**
   * Hashes one event. {@code payloadJson} and {@code metadataJson} must already be canonical JSON
   * text (from {@link CanonicalJson#write}) and are spliced verbatim; a null {@code prevHash} is
   * written as JSON {@code null}.
   */
  public static String hash(
      String id,
      String timestamp,
      String sessionId,
      String agentId,
      String eventType,
      String severity,
      String payloadJson,
      String metadataJson,
      String prevHash) {
    Scratch scratch = SCRATCH.get();
    StringBuilder sb = scratch.text;
    sb.setLength(0);
    appendCanonical(
        sb,
        id,
        timestamp,
        sessionId,
        agentId,
        eventType,
        severity,
        payloadJson,
        metadataJson,
        prevHash);
    String hex = digestUtf8(scratch, sb);
    if (sb.capacity() > MAX_RETAINED_CHARS) {
      scratch.text = new StringBuilder(1024);
    }
    return hex;
  }

  /** Lowercase hex SHA-256 of {@code data}. */
  public static String sha256Hex(byte[] data) {
    MessageDigest md = SCRATCH.get().digest;
    md.reset();
    return toHex(md.digest(data));
  }

  /**
   * Lowercase hex SHA-256 of the UTF-8 bytes of {@code text} (lone surrogates as U+FFFD, like
   * Node).
   */
  public static String sha256Hex(String text) {
    return digestUtf8(SCRATCH.get(), text);
  }

  /** Encodes to UTF-8 into the reusable buffer (no intermediate String/byte[]) and digests it. */
  private static String digestUtf8(Scratch scratch, CharSequence s) {
    int n = s.length();
    byte[] buf = scratch.bytes;
    if (buf.length < 3 * n) {
      buf = new byte[3 * n]; // 3 bytes per UTF-16 unit is the worst case
      if (buf.length <= 3 * MAX_RETAINED_CHARS) {
        scratch.bytes = buf;
      }
    }
    int len = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        buf[len++] = (byte) c;
      } else if (c < 0x800) {
        buf[len++] = (byte) (0xc0 | (c >> 6));
        buf[len++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < n
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          int cp = Character.toCodePoint(c, s.charAt(++i));
          buf[len++] = (byte) (0xf0 | (cp >> 18));
          buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
          buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
          buf[len++] = (byte) (0x80 | (cp & 0x3f));
        } else {
          buf[len++] = (byte) 0xef; // U+FFFD replacement
          buf[len++] = (byte) 0xbf;
          buf[len++] = (byte) 0xbd;
        }
      } else {
        buf[len++] = (byte) (0xe0 | (c >> 12));
        buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        buf[len++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    MessageDigest md = scratch.digest;
    md.reset();
    md.update(buf, 0, len);
    return toHex(md.digest());
  }

  private static String toHex(byte[] digest) {
    char[] chars = new char[digest.length * 2];
    for (int i = 0; i < digest.length; i++) {
      chars[2 * i] = HEX[(digest[i] >> 4) & 0xf];
      chars[2 * i + 1] = HEX[digest[i] & 0xf];
    }
    return new String(chars);
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** The exact text {@link #hash} digests (for tests and diagnostics). */
  static String canonicalText(
      String id,
      String timestamp,
      String sessionId,
      String agentId,
      String eventType,
      String severity,
      String payloadJson,
      String metadataJson,
      String prevHash) {
    StringBuilder sb = new StringBuilder();
    appendCanonical(
        sb,
        id,
        timestamp,
        sessionId,
        agentId,
        eventType,
        severity,
        payloadJson,
        metadataJson,
        prevHash);
    return sb.toString();
  }

  /** The canonical text of §2.1; {@code sb} receives it, nothing else is touched. */
  private static void appendCanonical(
      StringBuilder sb,
      String id,
      String timestamp,
      String sessionId,
      String agentId,
      String eventType,
      String severity,
      String payloadJson,
      String metadataJson,
      String prevHash) {
    sb.append("{\"v\":").append(HASH_VERSION).append(",\"id\":");
    stringOrNull(id, sb);
    sb.append(",\"timestamp\":");
    stringOrNull(timestamp, sb);
    sb.append(",\"sessionId\":");
    stringOrNull(sessionId, sb);
    sb.append(",\"agentId\":");
    stringOrNull(agentId, sb);
    sb.append(",\"eventType\":");
    stringOrNull(eventType, sb);
    sb.append(",\"severity\":");
    stringOrNull(severity, sb);
    sb.append(",\"payload\":").append(payloadJson);
    sb.append(",\"metadata\":").append(metadataJson);
    sb.append(",\"prevHash\":");
    stringOrNull(prevHash, sb);
    sb.append('}');
  }

  /** JSON.stringify writes a null field as {@code null}; absent prevHash is the common case. */
  private static void stringOrNull(String s, StringBuilder sb) {
    if (s == null) {
      sb.append("null");
    } else {
      CanonicalJson.writeString(s, sb);
    }
  }
}
