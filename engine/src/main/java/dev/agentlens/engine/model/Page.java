package dev.agentlens.engine.model;

import java.util.List;

/**
 * One page of a filtered list: {@code hasMore = offset + items.size() < total} (reference §3.3,
 * §5).
 */
public record Page<T>(List<T> items, long total, boolean hasMore) {
  public Page {
    items = List.copyOf(items);
    if (total < 0) {
      throw new IllegalArgumentException("total not >= 0");
    }
  }

  public static <T> Page<T> of(List<T> items, long total, int offset) {
    return new Page<>(items, total, offset + items.size() < total);
  }
}
