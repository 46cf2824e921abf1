package dev.agentlens.api.events;

import dev.agentlens.engine.drain.CommitListener;
import dev.agentlens.engine.journal.JournalEntry;
import dev.agentlens.engine.model.Event;
import dev.agentlens.engine.model.WriteResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests posted with {@code ?wait=true}, waiting for the drainer to commit their journal entry.
 * Keyed by the request's first event id, registered BEFORE the append, so a commit can never slip
 * between append and registration. Completed on the waiter's own context.
 */
public final class CommitWaiters implements CommitListener {

  private record Waiter(Context context, Promise<Map<String, String>> promise) {}

  private final Map<String, Waiter> waiters = new ConcurrentHashMap<>();

  /** Call on the request's event loop before appending; the future yields id → hash. */
  public Future<Map<String, String>> register(String firstEventId, Context context) {
    Promise<Map<String, String>> p = Promise.promise();
    waiters.put(firstEventId, new Waiter(context, p));
    return p.future();
  }

  /** The append failed: nobody will ever commit it. */
  public void cancel(String firstEventId) {
    waiters.remove(firstEventId);
  }

  @Override
  public void committed(List<JournalEntry> entries, WriteResult result) {
    if (waiters.isEmpty()) {
      return;
    }
    Map<String, String> hashes = null;
    for (JournalEntry entry : entries) {
      Waiter w = waiters.remove(entry.events().get(0).id());
      if (w == null) {
        continue;
      }
      if (hashes == null) {
        hashes = new HashMap<>(result.committed().size() * 2);
        for (Event e : result.committed()) {
          hashes.put(e.id(), e.hash());
        }
      }
      Map<String, String> mine = new HashMap<>();
      for (var e : entry.events()) {
        mine.put(e.id(), hashes.get(e.id()));
      }
      w.context().runOnContext(v -> w.promise().complete(mine));
    }
  }
}
