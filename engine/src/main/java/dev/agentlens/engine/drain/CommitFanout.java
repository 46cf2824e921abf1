package dev.agentlens.engine.drain;

import dev.agentlens.engine.journal.JournalEntry;
import dev.agentlens.engine.model.WriteResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Tells every registered listener about each commit (waiters now, the live stream later). */
public final class CommitFanout implements CommitListener {
  private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();

  public void add(CommitListener l) {
    listeners.add(l);
  }

  @Override
  public void committed(List<JournalEntry> entries, WriteResult result) {
    for (CommitListener l : listeners) {
      l.committed(entries, result);
    }
  }
}
