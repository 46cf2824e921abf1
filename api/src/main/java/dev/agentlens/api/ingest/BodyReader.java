package dev.agentlens.api.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.agentlens.engine.json.CanonicalJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the request body once: envelope fields are read token by token, payload and metadata
 * straight into the {@link CanonicalJson} model, unknown keys skipped without building anything.
 * Only JSON syntax is judged here; the rules are {@link EventValidator}'s.
 */
final class BodyReader {
  // Thread-safe once built. Keys come from clients: canonicalise but never intern.
  private static final JsonFactory FACTORY =
      new JsonFactoryBuilder().disable(JsonFactory.Feature.INTERN_FIELD_NAMES).build();

  /**
   * What the body held under {@code events}: {@code value} is {@link Issues#ABSENT}, a non-array
   * value, or null when it was an array; then {@code count} is its length and {@code events} its
   * first {@code maxEvents} elements.
   */
  static final class Body {
    Object value = Issues.ABSENT;
    List<RawEvent> events;
    int count;

    boolean isArray() {
      return events != null;
    }
  }

  private BodyReader() {}

  /** Reads a whole body; {@link InvalidJsonException} unless it is one well-formed JSON object. */
  static Body read(byte[] bytes, int offset, int length, int maxEvents) {
    try (JsonParser p = FACTORY.createParser(bytes, offset, length)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new InvalidJsonException();
      }
      Body body = new Body();
      String name;
      while ((name = p.nextFieldName()) != null) {
        JsonToken t = p.nextToken();
        if (!"events".equals(name)) {
          p.skipChildren();
        } else if (t == JsonToken.START_ARRAY) {
          body = readEvents(p, maxEvents); // a repeated key: the last one wins
        } else {
          body = new Body();
          body.value = CanonicalJson.read(p);
        }
      }
      if (p.nextToken() != null) {
        throw new InvalidJsonException(); // trailing content
      }
      return body;
    } catch (IOException e) {
      // JsonParseException, stream constraint violations: all malformed input from the client.
      throw new InvalidJsonException();
    }
  }

  private static Body readEvents(JsonParser p, int maxEvents) throws IOException {
    Body body = new Body();
    body.value = null;
    body.events = new ArrayList<>(Math.min(maxEvents, 64));
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (++body.count > maxEvents) {
        p.skipChildren(); // the request is rejected as too big; don't build what nobody reads
      } else if (t == JsonToken.START_OBJECT) {
        body.events.add(readEvent(p));
      } else {
        RawEvent e = new RawEvent();
        e.isObject = false;
        e.nonObject = CanonicalJson.read(p);
        body.events.add(e);
      }
    }
    return body;
  }

  private static RawEvent readEvent(JsonParser p) throws IOException {
    RawEvent e = new RawEvent();
    String name;
    while ((name = p.nextFieldName()) != null) {
      p.nextToken();
      switch (name) {
        case "sessionId" -> e.sessionId = CanonicalJson.read(p);
        case "agentId" -> e.agentId = CanonicalJson.read(p);
        case "eventType" -> e.eventType = CanonicalJson.read(p);
        case "severity" -> e.severity = CanonicalJson.read(p);
        case "payload" -> e.payload = CanonicalJson.read(p);
        case "metadata" -> e.metadata = CanonicalJson.read(p);
        case "timestamp" -> e.timestamp = CanonicalJson.read(p);
        case "id" -> e.id = CanonicalJson.read(p);
        default -> p.skipChildren();
      }
    }
    return e;
  }
}
