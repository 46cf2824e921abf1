package dev.agentlens.engine.drain;

import dev.agentlens.engine.journal.JournalEntry;
import dev.agentlens.engine.model.WriteResult;
import java.util.List;

/**
 * Told on the drainer thread after each commit which journal entries it covered and what was
 * stored. Implementations hand off at once (to an event loop, a queue); they never block.
 */
@FunctionalInterface
public interface CommitListener {
  void committed(List<JournalEntry> entries, WriteResult result);

  CommitListener NONE = (entries, result) -> {};
}
