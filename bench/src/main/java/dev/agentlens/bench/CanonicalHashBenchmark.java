package dev.agentlens.bench;

import dev.agentlens.engine.json.CanonicalJson;
import dev.agentlens.engine.json.EventHasher;
import dev.agentlens.engine.json.PayloadTruncator;
import dev.agentlens.engine.model.EventType;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.PayloadFacts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-event CPU cost of the two JSON steps on the hot path, over 1,024 pre-generated {@link
 * EventMix} events (~600-byte payloads, the realistic type mix) cycled round-robin, so neither the
 * branch predictor nor the caches see one event over and over. Score = ns per event.
 *
 * <ul>
 *   <li>{@link #canonicalise}: what {@code IngestParser.build} (api module, not on the bench
 *       classpath, hence rebuilt here from the engine pieces it calls) does per event on the event
 *       loop once the body is parsed and validated: {@code CanonicalJson.write} of the parsed
 *       payload, {@code PayloadTruncator.truncateIfNeeded}, {@code PayloadFacts.extract}, and
 *       {@code CanonicalJson.write} of the metadata after removing the reserved keys. The input is
 *       the {@link CanonicalJson} model the request parser builds (LinkedHashMap, ArrayList,
 *       Double), obtained by parsing each event's canonical text once in setup. Minting the id and
 *       the request's JSON parse are not included.
 *   <li>{@link #chainHash}: what {@code BatchPlanner.plan} does per event on the drain path: {@code
 *       EventHasher.hash} of the event with its predecessor's hash, i.e. the canonical v2 text and
 *       its SHA-256 in hex. Each result is the next call's {@code prevHash}, as in a chain.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class CanonicalHashBenchmark extends ChronicleFork {

  /** A power of two, so the cursor wraps with a mask. */
  static final int EVENTS = 1024;

  /** The metadata keys only the server may stamp, which the ingest path removes before writing. */
  private static final String[] RESERVED_METADATA = {
    "verifiedAgentId", "verifiedAgentMethod", "verifiedOnBehalfOf"
  };

  private IngestEvent[] events;
  private EventType[] types;
  private Map<String, Object>[] payloads;
  private Map<String, Object>[] metadata;
  private int cursor;
  private String prevHash;

  @Setup(Level.Trial)
  public void generate() throws Exception {
    checkFlags();
    List<IngestEvent> mix =
        new EventMix(42, "default", 60, 8, Instant.parse("2026-01-01T00:00:00Z")).next(EVENTS);
    events = mix.toArray(IngestEvent[]::new);
    types = new EventType[EVENTS];
    payloads = newMaps();
    metadata = newMaps();
    for (int i = 0; i < EVENTS; i++) {
      types[i] = events[i].eventType();
      payloads[i] = object(events[i].payload());
      metadata[i] = object(events[i].metadata());
    }
  }

  @Benchmark
  public void canonicalise(Blackhole bh) {
    int i = cursor++ & (EVENTS - 1);
    Map<String, Object> payload = payloads[i];
    String payloadJson = CanonicalJson.write(payload);
    String stored = PayloadTruncator.truncateIfNeeded(payloadJson);
    PayloadFacts facts =
        stored == payloadJson ? PayloadFacts.extract(types[i], payload) : PayloadFacts.NONE;
    Map<String, Object> meta = metadata[i];
    for (String key : RESERVED_METADATA) {
      meta.remove(key); // absent in the mix: a lookup each, and the maps stay as generated
    }
    bh.consume(stored);
    bh.consume(facts);
    bh.consume(meta.isEmpty() ? "{}" : CanonicalJson.write(meta));
  }

  @Benchmark
  public String chainHash() {
    IngestEvent e = events[cursor++ & (EVENTS - 1)];
    String hash =
        EventHasher.hash(
            e.id(),
            e.timestamp(),
            e.sessionId(),
            e.agentId(),
            e.eventType().wire(),
            e.severity().wire(),
            e.payload(),
            e.metadata(),
            prevHash);
    prevHash = hash;
    return hash;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object>[] newMaps() {
    return (Map<String, Object>[]) new Map<?, ?>[EVENTS];
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(String canonicalJson) {
    return (Map<String, Object>) CanonicalJson.parse(canonicalJson);
  }
}
