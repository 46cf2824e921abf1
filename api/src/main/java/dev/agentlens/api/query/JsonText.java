package dev.agentlens.api.query;

import dev.agentlens.engine.json.CanonicalJson;
import java.util.function.Consumer;

/**
 * A small streaming JSON writer for the query views: numbers are written as JavaScript would
 * ({@code 3} not {@code 3.0}, {@code 0.1} not {@code 0.1000…}; NaN and infinities as {@code null},
 * as {@code JSON.stringify} does), strings with the canonical escapes. Keys are written in call
 * order, so the wire order of every view is the order of its code.
 */
final class JsonText {
  private final StringBuilder sb;
  private boolean comma;

  JsonText(int capacity) {
    this.sb = new StringBuilder(capacity);
  }

  JsonText() {
    this(256);
  }

  JsonText beginObject() {
    separate();
    sb.append('{');
    comma = false;
    return this;
  }

  JsonText endObject() {
    sb.append('}');
    comma = true;
    return this;
  }

  JsonText beginArray() {
    separate();
    sb.append('[');
    comma = false;
    return this;
  }

  JsonText endArray() {
    sb.append(']');
    comma = true;
    return this;
  }

  /** Starts a member; the next value (or object/array) is its value. */
  JsonText key(String name) {
    separate();
    CanonicalJson.writeString(name, sb);
    sb.append(':');
    comma = false;
    return this;
  }

  JsonText value(String s) {
    separate();
    if (s == null) {
      sb.append("null");
    } else {
      CanonicalJson.writeString(s, sb);
    }
    comma = true;
    return this;
  }

  JsonText value(long n) {
    separate();
    sb.append(n);
    comma = true;
    return this;
  }

  JsonText value(double d) {
    separate();
    sb.append(Double.isFinite(d) ? CanonicalJson.formatNumber(d) : "null");
    comma = true;
    return this;
  }

  JsonText value(boolean b) {
    separate();
    sb.append(b);
    comma = true;
    return this;
  }

  JsonText member(String name, String s) {
    return key(name).value(s);
  }

  JsonText member(String name, long n) {
    return key(name).value(n);
  }

  JsonText member(String name, double d) {
    return key(name).value(d);
  }

  JsonText member(String name, boolean b) {
    return key(name).value(b);
  }

  /** A value already rendered as JSON text by {@code writer} (e.g. an event view). */
  JsonText raw(Consumer<StringBuilder> writer) {
    separate();
    writer.accept(sb);
    comma = true;
    return this;
  }

  private void separate() {
    if (comma) {
      sb.append(',');
    }
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
