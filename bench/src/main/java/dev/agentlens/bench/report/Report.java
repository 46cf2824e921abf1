package dev.agentlens.bench.report;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one bench run reports. Collections are copied so a report is a stable value; null
 * collections become empty, and the maps keep the caller's insertion order (it is the display
 * order).
 */
public record Report(
    String title,
    Instant startedAt,
    String mode,
    Map<String, String> machine,
    Map<String, String> settings,
    List<Figure> figures,
    List<RatePoint> sweep,
    List<QueryResult> queries,
    List<String> notes) {

  public Report {
    machine = orderedCopy(machine);
    settings = orderedCopy(settings);
    figures = figures == null ? List.of() : List.copyOf(figures);
    sweep = sweep == null ? List.of() : List.copyOf(sweep);
    queries = queries == null ? List.of() : List.copyOf(queries);
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  private static Map<String, String> orderedCopy(Map<String, String> m) {
    return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }
}
