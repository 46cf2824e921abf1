package dev.agentlens.engine.journal;

import dev.agentlens.engine.model.EventType;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.PayloadFacts;
import dev.agentlens.engine.model.Severity;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

/**
 * The binary form of one journal entry (format 1):
 *
 * <pre>
 * byte version=1 · str tenantId · stopbit count · count × event
 * event: str id, timestamp, sessionId, agentId · byte type ordinal · byte severity ordinal
 *        · stopbit flags · str payload, metadata · the facts whose flag is set, in flag order
 *        (strings str, numbers raw 8-byte doubles, tags: stopbit n · n × str)
 * </pre>
 *
 * A {@code str} is a stop-bit length and UTF-8, with a fallback that keeps a lone surrogate ({@link
 * StringCodec}). Enum ordinals are part of the format: reordering {@link EventType} or {@link
 * Severity} needs a new format version (a test pins them). The tenant is stored once; every event
 * of an entry belongs to it.
 */
public final class JournalCodec {
  static final byte FORMAT_1 = 1;

  private static final int CLIENT_ID = 1;
  private static final int TOOL_NAME = 1 << 1;
  private static final int MODEL = 1 << 2;
  private static final int PROVIDER = 1 << 3;
  private static final int COST_USD = 1 << 4;
  private static final int INPUT_TOKENS = 1 << 5;
  private static final int OUTPUT_TOKENS = 1 << 6;
  private static final int TOTAL_TOKENS = 1 << 7;
  private static final int CACHE_READ_TOKENS = 1 << 8;
  private static final int CACHE_WRITE_TOKENS = 1 << 9;
  private static final int DURATION_MS = 1 << 10;
  private static final int LATENCY_MS = 1 << 11;
  private static final int AGENT_NAME = 1 << 12;
  private static final int TAGS = 1 << 13;
  private static final int END_REASON = 1 << 14;
  private static final int KNOWN_FLAGS = (1 << 15) - 1;

  private static final EventType[] TYPES = EventType.values();
  private static final Severity[] SEVERITIES = Severity.values();

  private JournalCodec() {}

  /** Appends the entry at {@code out}'s write position. */
  public static void encode(BytesOut<?> out, String tenantId, List<IngestEvent> events) {
    out.writeByte(FORMAT_1);
    StringCodec.write(out, tenantId);
    out.writeStopBit(events.size());
    for (IngestEvent e : events) {
      if (!tenantId.equals(e.tenantId())) {
        throw new IllegalArgumentException("event " + e.id() + " is not of tenant " + tenantId);
      }
      StringCodec.write(out, e.id());
      StringCodec.write(out, e.timestamp());
      StringCodec.write(out, e.sessionId());
      StringCodec.write(out, e.agentId());
      out.writeByte((byte) e.eventType().ordinal());
      out.writeByte((byte) e.severity().ordinal());
      PayloadFacts f = e.facts();
      out.writeStopBit(flags(e.clientId(), f));
      StringCodec.write(out, e.payload());
      StringCodec.write(out, e.metadata());
      writeFacts(out, f);
    }
  }

  /** Reads one entry spanning all of {@code in}'s readable bytes. */
  public static JournalEntry decode(long index, BytesIn<?> in) {
    long bytes = in.readRemaining();
    byte version = in.readByte();
    if (version != FORMAT_1) {
      throw corrupt(index, "unknown format version " + version);
    }
    StringCodec.Reader strings = new StringCodec.Reader(in);
    String tenantId = string(index, strings);
    long count = in.readStopBit();
    if (count < 0 || count > in.readRemaining()) {
      throw corrupt(index, "bad event count " + count);
    }
    List<IngestEvent> events = new ArrayList<>((int) count);
    for (int i = 0; i < count; i++) {
      events.add(readEvent(index, tenantId, in, strings));
    }
    if (in.readRemaining() != 0) {
      throw corrupt(index, in.readRemaining() + " trailing bytes");
    }
    return new JournalEntry(index, tenantId, events, bytes);
  }

  private static IngestEvent readEvent(
      long index, String tenantId, BytesIn<?> in, StringCodec.Reader strings) {
    String id = string(index, strings);
    String timestamp = string(index, strings);
    String sessionId = string(index, strings);
    String agentId = string(index, strings);
    EventType type = TYPES[ordinal(index, in.readUnsignedByte(), TYPES.length)];
    Severity severity = SEVERITIES[ordinal(index, in.readUnsignedByte(), SEVERITIES.length)];
    long flags = in.readStopBit();
    if ((flags & ~KNOWN_FLAGS) != 0) {
      throw corrupt(index, "unknown flags " + Long.toHexString(flags));
    }
    int f = (int) flags;
    String payload = string(index, strings);
    String metadata = string(index, strings);
    PayloadFacts facts = readFacts(index, f, in, strings);
    return new IngestEvent(
        tenantId,
        id,
        (f & CLIENT_ID) != 0,
        timestamp,
        sessionId,
        agentId,
        type,
        severity,
        payload,
        metadata,
        facts);
  }

  private static int flags(boolean clientId, PayloadFacts f) {
    return (clientId ? CLIENT_ID : 0)
        | (f.toolName() != null ? TOOL_NAME : 0)
        | (f.model() != null ? MODEL : 0)
        | (f.provider() != null ? PROVIDER : 0)
        | (f.costUsd() != null ? COST_USD : 0)
        | (f.inputTokens() != null ? INPUT_TOKENS : 0)
        | (f.outputTokens() != null ? OUTPUT_TOKENS : 0)
        | (f.totalTokens() != null ? TOTAL_TOKENS : 0)
        | (f.cacheReadTokens() != null ? CACHE_READ_TOKENS : 0)
        | (f.cacheWriteTokens() != null ? CACHE_WRITE_TOKENS : 0)
        | (f.durationMs() != null ? DURATION_MS : 0)
        | (f.latencyMs() != null ? LATENCY_MS : 0)
        | (f.agentName() != null ? AGENT_NAME : 0)
        | (f.tags().isEmpty() ? 0 : TAGS)
        | (f.endReason() != null ? END_REASON : 0);
  }

  private static void writeFacts(BytesOut<?> out, PayloadFacts f) {
    writeIfPresent(out, f.toolName());
    writeIfPresent(out, f.model());
    writeIfPresent(out, f.provider());
    writeIfPresent(out, f.costUsd());
    writeIfPresent(out, f.inputTokens());
    writeIfPresent(out, f.outputTokens());
    writeIfPresent(out, f.totalTokens());
    writeIfPresent(out, f.cacheReadTokens());
    writeIfPresent(out, f.cacheWriteTokens());
    writeIfPresent(out, f.durationMs());
    writeIfPresent(out, f.latencyMs());
    writeIfPresent(out, f.agentName());
    if (!f.tags().isEmpty()) {
      out.writeStopBit(f.tags().size());
      for (String tag : f.tags()) {
        StringCodec.write(out, tag);
      }
    }
    writeIfPresent(out, f.endReason());
  }

  private static PayloadFacts readFacts(
      long index, int f, BytesIn<?> in, StringCodec.Reader strings) {
    if ((f & ~CLIENT_ID) == 0) {
      return PayloadFacts.NONE;
    }
    String toolName = (f & TOOL_NAME) != 0 ? string(index, strings) : null;
    String model = (f & MODEL) != 0 ? string(index, strings) : null;
    String provider = (f & PROVIDER) != 0 ? string(index, strings) : null;
    Double costUsd = (f & COST_USD) != 0 ? in.readDouble() : null;
    Double inputTokens = (f & INPUT_TOKENS) != 0 ? in.readDouble() : null;
    Double outputTokens = (f & OUTPUT_TOKENS) != 0 ? in.readDouble() : null;
    Double totalTokens = (f & TOTAL_TOKENS) != 0 ? in.readDouble() : null;
    Double cacheRead = (f & CACHE_READ_TOKENS) != 0 ? in.readDouble() : null;
    Double cacheWrite = (f & CACHE_WRITE_TOKENS) != 0 ? in.readDouble() : null;
    Double durationMs = (f & DURATION_MS) != 0 ? in.readDouble() : null;
    Double latencyMs = (f & LATENCY_MS) != 0 ? in.readDouble() : null;
    String agentName = (f & AGENT_NAME) != 0 ? string(index, strings) : null;
    List<String> tags = (f & TAGS) != 0 ? readTags(index, in, strings) : List.of();
    String endReason = (f & END_REASON) != 0 ? string(index, strings) : null;
    return new PayloadFacts(
        toolName,
        model,
        provider,
        costUsd,
        inputTokens,
        outputTokens,
        totalTokens,
        cacheRead,
        cacheWrite,
        durationMs,
        latencyMs,
        agentName,
        tags,
        endReason);
  }

  private static List<String> readTags(long index, BytesIn<?> in, StringCodec.Reader strings) {
    long n = in.readStopBit();
    if (n < 0 || n > in.readRemaining()) {
      throw corrupt(index, "bad tag count " + n);
    }
    List<String> tags = new ArrayList<>((int) n);
    for (int i = 0; i < n; i++) {
      tags.add(string(index, strings));
    }
    return tags;
  }

  private static void writeIfPresent(BytesOut<?> out, String s) {
    if (s != null) {
      StringCodec.write(out, s);
    }
  }

  private static void writeIfPresent(BytesOut<?> out, Double d) {
    if (d != null) {
      out.writeDouble(d);
    }
  }

  private static String string(long index, StringCodec.Reader strings) {
    String s = strings.read();
    if (s == null) {
      throw corrupt(index, "bad string length");
    }
    return s;
  }

  private static int ordinal(long index, int ordinal, int size) {
    if (ordinal >= size) {
      throw corrupt(index, "enum ordinal " + ordinal + " out of range");
    }
    return ordinal;
  }

  private static IllegalStateException corrupt(long index, String why) {
    return new IllegalStateException(
        "journal entry " + Long.toHexString(index) + " cannot be decoded: " + why);
  }
}
