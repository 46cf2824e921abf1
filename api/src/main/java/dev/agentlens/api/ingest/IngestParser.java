package dev.agentlens.api.ingest;

import dev.agentlens.engine.json.CanonicalJson;
import dev.agentlens.engine.json.PayloadTruncator;
import dev.agentlens.engine.json.UlidGenerator;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.PayloadFacts;
import dev.agentlens.engine.model.Timestamps;
import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a {@code POST /api/events} body into canonical {@link IngestEvent}s: one streaming parse,
 * upstream's validation (every issue of every event reported, the whole request rejected on any),
 * canonical JSON text, reserved metadata stripped, truncation, payload facts, ids. Runs on the
 * event loop: no blocking, no databind trees. Thread-safe.
 */
public final class IngestParser {
  private static final String[] RESERVED_METADATA = {
    "verifiedAgentId", "verifiedAgentMethod", "verifiedOnBehalfOf"
  };
  private static final String EMPTY_OBJECT = "{}";

  private final UlidGenerator ids;
  private final Clock clock;
  private final int maxBatchEvents;

  public IngestParser(UlidGenerator ids, Clock clock, int maxBatchEvents) {
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (maxBatchEvents < 1) {
      throw new IllegalArgumentException("maxBatchEvents < 1");
    }
    this.maxBatchEvents = maxBatchEvents;
  }

  /**
   * Parses a request body without copying it when it is heap-backed (Vert.x bodies are).
   *
   * @param body the request body; null (no body at all) is invalid JSON like an empty one
   * @throws InvalidJsonException the body is not one well-formed JSON object
   * @throws IngestValidationException the body breaks the ingest rules; nothing was minted
   */
  public List<IngestEvent> parse(Buffer body, String tenantId) {
    if (body == null) {
      throw new InvalidJsonException();
    }
    if (body instanceof BufferInternal internal) {
      ByteBuf buf = internal.getByteBuf();
      if (buf.hasArray()) {
        return parse(
            buf.array(), buf.arrayOffset() + buf.readerIndex(), buf.readableBytes(), tenantId);
      }
    }
    return parse(body.getBytes(), tenantId);
  }

  /** As {@link #parse(Buffer, String)}. */
  public List<IngestEvent> parse(byte[] body, String tenantId) {
    return parse(body, 0, body.length, tenantId);
  }

  /** As {@link #parse(Buffer, String)}, for {@code body[offset, offset + length)}. */
  public List<IngestEvent> parse(byte[] body, int offset, int length, String tenantId) {
    Objects.requireNonNull(tenantId, "tenantId");
    BodyReader.Body read = BodyReader.read(body, offset, length, maxBatchEvents);
    validate(read);
    return build(read.events, tenantId);
  }

  private void validate(BodyReader.Body body) {
    Issues issues = new Issues();
    issues.enter("events");
    if (!body.isArray()) {
      issues.add(Issues.expected("array", body.value));
    } else if (body.count == 0) {
      issues.add("Too small: expected array to have >=1 items");
    } else if (body.count > maxBatchEvents) {
      // zod would list element issues instead when there are any; the size is the decisive fault.
      issues.add("Too big: expected array to have <=" + maxBatchEvents + " items");
    } else {
      List<RawEvent> events = body.events;
      for (int i = 0, n = events.size(); i < n; i++) {
        issues.enter(i);
        EventValidator.validate(events.get(i), issues);
        issues.leave();
      }
    }
    if (issues.count() > 0) {
      throw new IngestValidationException(issues.list());
    }
  }

  /** Everything is valid here: ids are minted in request order and nothing below can fail. */
  private List<IngestEvent> build(List<RawEvent> events, String tenantId) {
    List<IngestEvent> out = new ArrayList<>(events.size());
    String serverNow = null;
    for (RawEvent e : events) {
      Map<String, Object> payload = e.payloadMap();
      String payloadJson = CanonicalJson.write(payload);
      String stored = PayloadTruncator.truncateIfNeeded(payloadJson);
      // truncateIfNeeded returns its argument itself when it fits; a truncated payload has lost
      // the fields the facts would be read from.
      PayloadFacts facts =
          stored == payloadJson ? PayloadFacts.extract(e.type, payload) : PayloadFacts.NONE;
      String timestamp = e.canonicalTimestamp;
      if (timestamp == null) {
        if (serverNow == null) {
          serverNow = Timestamps.format(clock.instant());
        }
        timestamp = serverNow;
      }
      String clientId = e.clientId();
      out.add(
          new IngestEvent(
              tenantId,
              clientId != null ? clientId : ids.next(),
              clientId != null,
              timestamp,
              (String) e.sessionId,
              (String) e.agentId,
              e.type,
              e.level,
              stored,
              metadata(e.metadataMap()),
              facts));
    }
    return out;
  }

  /** Canonical metadata text with the keys only the server may stamp removed (reference §2.5). */
  private static String metadata(Map<String, Object> metadata) {
    if (metadata == null || metadata.isEmpty()) {
      return EMPTY_OBJECT;
    }
    for (String key : RESERVED_METADATA) {
      metadata.remove(key);
    }
    return metadata.isEmpty() ? EMPTY_OBJECT : CanonicalJson.write(metadata);
  }
}
