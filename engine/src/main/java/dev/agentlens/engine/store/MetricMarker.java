package dev.agentlens.engine.store;

import dev.agentlens.engine.json.CanonicalJson;
import java.util.Map;

/** Recognises OTLP metric events ({@code metadata.source == "otlp_metric"}) for excludeMetrics. */
final class MetricMarker {
  private MetricMarker() {}

  static boolean isOtlpMetric(String metadataJson) {
    // Cheap reject first: almost no event carries the marker, so almost none is parsed.
    if (!metadataJson.contains("otlp_metric")) {
      return false;
    }
    return CanonicalJson.parse(metadataJson) instanceof Map<?, ?> m
        && "otlp_metric".equals(m.get("source"));
  }
}
