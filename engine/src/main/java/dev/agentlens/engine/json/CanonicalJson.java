package dev.agentlens.engine.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON with JavaScript {@code JSON.parse}/{@code JSON.stringify} semantics (reference §2.2), so
 * hashes and stored text are byte-identical to the upstream TypeScript server.
 *
 * <p>Model: objects are {@link LinkedHashMap}{@code <String,Object>} in first-insertion order (a
 * duplicate key keeps its first position and takes the last value), arrays {@link ArrayList},
 * numbers always {@link Double}, plus {@link String}, {@link Boolean} and {@code null}. The writer
 * hoists array-index-like keys the way JS objects do.
 */
public final class CanonicalJson {
  // Thread-safe once built. Field names come from clients: canonicalise (saves allocation) but
  // never intern.
  private static final JsonFactory FACTORY =
      new JsonFactoryBuilder().disable(JsonFactory.Feature.INTERN_FIELD_NAMES).build();

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final long MAX_ARRAY_INDEX = 4294967294L; // 2^32 - 2
  private static final Comparator<IndexedEntry> BY_INDEX =
      Comparator.comparingLong(IndexedEntry::index);

  /** An array-index-like property awaiting its sorted position. */
  private record IndexedEntry(long index, Object key, Object value) {}

  private CanonicalJson() {}

  /**
   * Reads one value starting at the parser's current token and leaves the parser on the value's
   * last token. Numbers become doubles exactly as JS parses them (correctly rounded); a lone
   * surrogate escape (backslash-u D800) stays one lone char, as in JS, because Jackson does not
   * validate surrogate pairing.
   */
  public static Object read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      throw new JsonParseException(p, "No current token: call nextToken() first");
    }
    switch (t) {
      case START_OBJECT:
        return readObject(p);
      case START_ARRAY:
        return readArray(p);
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new JsonParseException(p, "Unexpected token " + t);
    }
  }

  private static LinkedHashMap<String, Object> readObject(JsonParser p) throws IOException {
    LinkedHashMap<String, Object> map = new LinkedHashMap<>();
    String name;
    while ((name = p.nextFieldName()) != null) {
      p.nextToken();
      map.put(
          name, read(p)); // LinkedHashMap.put keeps the first position: JS duplicate-key semantics
    }
    return map;
  }

  private static ArrayList<Object> readArray(JsonParser p) throws IOException {
    ArrayList<Object> list = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      list.add(read(p));
    }
    return list;
  }

  /**
   * Parses a whole document; {@link IllegalArgumentException} on invalid JSON or trailing content.
   */
  public static Object parse(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() == null) {
        throw new IllegalArgumentException("Invalid JSON: empty input");
      }
      Object value = read(p);
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("Invalid JSON: trailing content");
      }
      return value;
    } catch (IOException e) {
      throw new IllegalArgumentException("Invalid JSON: " + e.getMessage(), e);
    }
  }

  /** Scratch text of {@link #write(Object)}, larger than this after use it is not kept. */
  private static final int MAX_RETAINED_CHARS = 64 * 1024;

  private static final ThreadLocal<StringBuilder> SCRATCH =
      ThreadLocal.withInitial(() -> new StringBuilder(1024));

  /**
   * {@code JSON.stringify(value)}. Runs for every ingested payload, so it writes into a per-thread
   * builder and copies out once: growing a fresh builder from a small size was ~30% of the bytes
   * ingest allocated.
   */
  public static String write(Object value) {
    StringBuilder out = SCRATCH.get();
    if (out.length() > 0) {
      out = new StringBuilder(128); // only if a write on this thread is already under way
    }
    try {
      write(value, out);
      return out.toString();
    } finally {
      if (out.capacity() > MAX_RETAINED_CHARS) {
        SCRATCH.set(new StringBuilder(1024));
      } else {
        out.setLength(0);
      }
    }
  }

  /**
   * Appends {@code JSON.stringify(value)}. Besides the model types, any {@link Number} (as its
   * double value), {@link CharSequence}, {@link Map} (keys via {@code String.valueOf}) and {@link
   * List} are accepted.
   */
  public static void write(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      writeString(s, out);
    } else if (value instanceof Double d) {
      writeNumber(d, out);
    } else if (value instanceof Map<?, ?> m) {
      writeObject(m, out);
    } else if (value instanceof List<?> l) {
      writeArray(l, out);
    } else if (value instanceof Boolean b) {
      out.append(b ? "true" : "false");
    } else if (value instanceof Number n) {
      writeNumber(n.doubleValue(), out);
    } else if (value instanceof CharSequence cs) {
      writeString(cs.toString(), out);
    } else {
      throw new IllegalArgumentException("Not a JSON value: " + value.getClass().getName());
    }
  }

  private static void writeNumber(double d, StringBuilder out) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      out.append("null"); // JSON.stringify(NaN) === "null"
    } else {
      EcmaNumber.append(d, out);
    }
  }

  private static void writeArray(List<?> list, StringBuilder out) {
    out.append('[');
    for (int i = 0, n = list.size(); i < n; i++) {
      if (i > 0) {
        out.append(',');
      }
      write(list.get(i), out);
    }
    out.append(']');
  }

  private static void writeObject(Map<?, ?> map, StringBuilder out) {
    out.append('{');
    // JS own-property order: index-like keys ascending first, then the rest in insertion order.
    IndexedEntry[] indexed = null;
    int indexedCount = 0;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      long index = arrayIndex(String.valueOf(e.getKey()));
      if (index >= 0) {
        if (indexed == null) {
          indexed = new IndexedEntry[Math.min(map.size(), 16)];
        } else if (indexedCount == indexed.length) {
          indexed = Arrays.copyOf(indexed, indexedCount * 2);
        }
        indexed[indexedCount++] = new IndexedEntry(index, e.getKey(), e.getValue());
      }
    }
    boolean first = true;
    if (indexed != null) {
      Arrays.sort(indexed, 0, indexedCount, BY_INDEX);
      for (int i = 0; i < indexedCount; i++) {
        first = writeMember(indexed[i].key(), indexed[i].value(), first, out);
      }
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (indexed == null || arrayIndex(String.valueOf(e.getKey())) < 0) {
        first = writeMember(e.getKey(), e.getValue(), first, out);
      }
    }
    out.append('}');
  }

  private static boolean writeMember(Object key, Object value, boolean first, StringBuilder out) {
    if (!first) {
      out.append(',');
    }
    writeString(String.valueOf(key), out);
    out.append(':');
    write(value, out);
    return false;
  }

  /**
   * The array index a key denotes (canonical decimal 0..2^32-2), or -1 if it is an ordinary key.
   */
  static long arrayIndex(String key) {
    int len = key.length();
    if (len == 0 || len > 10) {
      return -1;
    }
    char c0 = key.charAt(0);
    if (c0 < '0' || c0 > '9' || (c0 == '0' && len > 1)) {
      return -1;
    }
    long v = 0;
    for (int i = 0; i < len; i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v <= MAX_ARRAY_INDEX ? v : -1;
  }

  /**
   * Appends a JSON string literal as JSON.stringify writes it: the two-char escapes, lowercase
   * {@code \\u00xx} for other controls, lowercase {@code \\udxxx} for lone surrogates, everything
   * else raw.
   */
  public static void writeString(String s, StringBuilder out) {
    out.append('"');
    int start = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++; // a valid pair stays raw
        continue;
      }
      out.append(s, start, i);
      start = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default ->
            out.append("\\u")
                .append(HEX[c >>> 12])
                .append(HEX[(c >>> 8) & 0xf])
                .append(HEX[(c >>> 4) & 0xf])
                .append(HEX[c & 0xf]);
      }
    }
    out.append(s, start, n).append('"');
  }

  /**
   * ECMAScript {@code Number::toString(d)}: {@code NaN}, {@code Infinity}, {@code -Infinity} for
   * non-finite.
   */
  public static String formatNumber(double d) {
    StringBuilder out = new StringBuilder(24);
    EcmaNumber.append(d, out);
    return out.toString();
  }

  /** UTF-8 byte length; a lone surrogate counts 3 bytes (it is encoded as U+FFFD, as Node does). */
  public static int utf8Length(CharSequence s) {
    int n = s.length();
    int bytes = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        continue;
      }
      if (c < 0x800) {
        bytes += 1;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 2; // 4 bytes for two chars
        i++;
      } else {
        bytes += 2;
      }
    }
    return bytes;
  }
}
