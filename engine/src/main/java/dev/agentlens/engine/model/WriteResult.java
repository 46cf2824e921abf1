package dev.agentlens.engine.model;

import java.util.List;

/**
 * What a committed drain batch became: the chained events in commit order, the ids skipped as
 * duplicates of already stored client ids, and the checkpoint now stored.
 */
public record WriteResult(List<Event> committed, List<String> duplicateIds, long journalIndex) {
  public WriteResult {
    committed = List.copyOf(committed);
    duplicateIds = List.copyOf(duplicateIds);
  }
}
