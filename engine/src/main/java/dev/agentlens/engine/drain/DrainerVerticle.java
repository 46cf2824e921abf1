package dev.agentlens.engine.drain;

import dev.agentlens.engine.journal.ChronicleJournal;
import dev.agentlens.engine.journal.JournalEntry;
import dev.agentlens.engine.journal.JournalReader;
import dev.agentlens.engine.metrics.IngestMetrics;
import dev.agentlens.engine.model.DrainBatch;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.WriteResult;
import dev.agentlens.engine.store.EventStore;
import dev.agentlens.engine.store.TransientStoreException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Journal → database, exactly once (SPEC §1). Deployed as a worker on its own one-thread pool, so
 * the Chronicle tailer stays on one thread. Each tick reads whole journal entries up to {@code
 * maxBatchEvents}, commits them with the checkpoint in one store transaction and tells the
 * listener. Reads that start a transaction are at least {@code maxDelay} apart: a commit costs
 * SQLite a page write per touched index page whatever the batch size (measured: ~140 µs/event in
 * 25-event transactions, ~35 µs in 2,000-event ones), so under steady load events wait up to {@code
 * maxDelay} for company. Under a backlog the next read starts at once. An empty journal is polled
 * every {@code maxDelay} too: polling faster kept an idle server at ~7% of a core (each timer also
 * wakes an event loop) for no gain within the same lag bound.
 */
public final class DrainerVerticle extends VerticleBase {

  private static final Logger LOG = Logger.getLogger(DrainerVerticle.class.getName());
  private static final long MAX_BACKOFF_MS = 5_000;
  private static final long CLEANUP_EVERY_MS = 10_000;
  private static final long STOP_GRACE_MS = 30_000;

  private final ChronicleJournal journal;
  private final EventStore store;
  private final DrainSettings settings;
  private final IngestMetrics metrics;
  private final CommitListener listener;
  private final long startupLastIndex;
  private JournalReader reader;
  private JournalEntry carried;
  private volatile boolean stopping;
  private long lastCleanup;

  /** When the read that began the batch in flight happened (System.nanoTime). */
  private long batchReadAt;

  private Promise<Void> stopped;

  public DrainerVerticle(
      ChronicleJournal journal,
      EventStore store,
      DrainSettings settings,
      IngestMetrics metrics,
      CommitListener listener) {
    this.journal = journal;
    this.store = store;
    this.settings = settings;
    this.metrics = metrics;
    this.listener = listener;
    this.startupLastIndex = journal.lastIndex();
  }

  @Override
  public Future<?> start() {
    return here(store.checkpoint(settings.nodeId()))
        .map(
            cp -> {
              metrics.resumedAt(cp);
              reader = journal.reader(cp);
              context.runOnContext(v -> tick());
              return null;
            });
  }

  /** Drains what is journaled, then stops (graceful shutdown: nothing acknowledged is left). */
  @Override
  public Future<?> stop() {
    stopped = Promise.promise();
    stopping = true;
    // With the database down nothing can drain: give up after a while; the journal keeps it all
    // and the next start drains it.
    vertx.setTimer(STOP_GRACE_MS, id -> stopped.tryComplete());
    return stopped.future();
  }

  /** Entries read from the journal and not yet committed; retried until they are. */
  private record Pending(List<JournalEntry> entries, DrainBatch batch) {}

  private Pending pending;

  private void tick() {
    if (pending == null) {
      try {
        pending = readBatch();
        batchReadAt = System.nanoTime();
      } catch (RuntimeException e) {
        // An undecodable entry: never skip it (that would lose acknowledged data); say so loudly.
        metrics.drainFailed();
        LOG.log(Level.SEVERE, "journal entry cannot be read; drainer waits", e);
        vertx.setTimer(MAX_BACKOFF_MS, id -> tick());
        return;
      }
    }
    if (pending == null) {
      if (stopping) {
        stopped.tryComplete();
        return;
      }
      cleanupNowAndThen();
      vertx.setTimer(Math.max(1, settings.maxDelay().toMillis()), id -> tick());
      return;
    }
    commit(pending.entries(), pending.batch())
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                pending = null;
                long waitMs =
                    (batchReadAt + settings.maxDelay().toNanos() - System.nanoTime()) / 1_000_000;
                if (waitMs >= 1 && !stopping) {
                  vertx.setTimer(waitMs, id -> tick());
                } else {
                  context.runOnContext(v -> tick());
                }
              } else {
                LOG.log(Level.WARNING, "drain batch not committed; retrying", ar.cause());
                vertx.setTimer(MAX_BACKOFF_MS, id -> tick());
              }
            });
  }

  /**
   * Whole entries up to maxBatchEvents and maxBatchBytes (an entry that would overflow either waits
   * for the next batch), so a transaction's memory stays bounded whatever the payload sizes.
   */
  private Pending readBatch() {
    List<JournalEntry> entries = new ArrayList<>();
    List<IngestEvent> events = new ArrayList<>();
    long bytes = 0;
    if (carried != null) {
      entries.add(carried);
      events.addAll(carried.events());
      bytes = carried.bytes();
      carried = null;
    }
    JournalEntry e;
    while (events.size() < settings.maxBatchEvents()
        && bytes < settings.maxBatchBytes()
        && (e = reader.next()) != null) {
      if (!events.isEmpty()
          && (events.size() + e.events().size() > settings.maxBatchEvents()
              || bytes + e.bytes() > settings.maxBatchBytes())) {
        carried = e;
        break;
      }
      entries.add(e);
      events.addAll(e.events());
      bytes += e.bytes();
    }
    if (entries.isEmpty()) {
      return null;
    }
    long index = entries.get(entries.size() - 1).index();
    return new Pending(entries, new DrainBatch(events, settings.nodeId(), index));
  }

  private Future<Void> commit(List<JournalEntry> entries, DrainBatch batch) {
    return writeRetrying(batch)
        .transform(
            ar -> {
              if (ar.succeeded()) {
                committed(entries, ar.result());
                return Future.<Void>succeededFuture();
              }
              metrics.drainFailed();
              LOG.log(Level.WARNING, "drain batch refused; isolating poison events", ar.cause());
              return isolate(entries);
            });
  }

  /**
   * Writes the entries' events one per transaction; the ones refused go to dead_letters. Each write
   * starts from the previous one's callback and one promise ends it all: composing a future per
   * event completed ~10,000 nested futures at the end and overflowed the stack.
   */
  private Future<Void> isolate(List<JournalEntry> entries) {
    Promise<Void> done = Promise.promise();
    isolateFrom(entries, 0, 0, done);
    return done.future();
  }

  private void isolateFrom(List<JournalEntry> entries, int entry, int event, Promise<Void> done) {
    while (entry < entries.size() && event == entries.get(entry).events().size()) {
      entry++;
      event = 0;
    }
    if (entry == entries.size()) {
      done.complete();
      return;
    }
    int at = entry;
    int next = event + 1;
    isolateOne(entries.get(entry), event)
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                isolateFrom(entries, at, next, done);
              } else {
                done.fail(ar.cause());
              }
            });
  }

  private Future<Void> isolateOne(JournalEntry je, int event) {
    IngestEvent one = je.events().get(event);
    boolean lastOfEntry = event == je.events().size() - 1;
    List<JournalEntry> done = lastOfEntry ? List.of(je) : List.of();
    // Until its last event is in, the entry must be re-read after a crash (replay dedupes by id).
    long checkpoint = lastOfEntry ? je.index() : je.index() - 1;
    DrainBatch single = new DrainBatch(List.of(one), settings.nodeId(), checkpoint, true);
    return writeRetrying(single)
        .compose(
            result -> {
              committed(done, result);
              return Future.<Void>succeededFuture();
            },
            failure ->
                here(store.deadLetter(List.of(one), String.valueOf(failure.getMessage())))
                    .compose(v -> writeRetrying(emptyAt(checkpoint)))
                    .map(
                        r -> {
                          metrics.deadLettered(1);
                          committed(done, r);
                          return (Void) null;
                        }));
  }

  /**
   * The write, retried with backoff while the database is unavailable (hours, if need be); a
   * refusal fails it. Retries chain through timers onto one promise, never through nested futures.
   */
  private Future<WriteResult> writeRetrying(DrainBatch batch) {
    Promise<WriteResult> result = Promise.promise();
    attemptWrite(batch, 0, result);
    return result.future();
  }

  private void attemptWrite(DrainBatch batch, int attempt, Promise<WriteResult> result) {
    here(store.write(batch))
        .onComplete(
            ar -> {
              if (ar.succeeded() || !(ar.cause() instanceof TransientStoreException)) {
                result.handle(ar);
                return;
              }
              metrics.drainFailed();
              metrics.databaseDown();
              if (attempt == 0 || attempt % 20 == 0) {
                LOG.warning("database unavailable, retrying drain: " + ar.cause().getMessage());
              }
              vertx.setTimer(
                  backoffMillis(attempt), id -> attemptWrite(batch, attempt + 1, result));
            });
  }

  private DrainBatch emptyAt(long checkpoint) {
    return new DrainBatch(List.of(), settings.nodeId(), checkpoint, true);
  }

  private void committed(List<JournalEntry> entries, WriteResult result) {
    int drained = 0;
    for (JournalEntry e : entries) {
      if (e.index() > startupLastIndex) {
        drained += e.events().size();
      }
    }
    metrics.drained(drained, result.journalIndex(), System.currentTimeMillis());
    metrics.duplicates(result.duplicateIds().size());
    listener.committed(entries, result);
  }

  /**
   * {@code f}, completed on this verticle's context whatever thread the store completes it on: the
   * journal tailer and the fields here are confined to that context, and Chronicle refuses a tailer
   * used from two threads (a store whose futures completed elsewhere once moved the next tick onto
   * an event loop, and the drainer stalled).
   */
  private <T> Future<T> here(Future<T> f) {
    Promise<T> p = Promise.promise();
    f.onComplete(ar -> context.runOnContext(v -> p.handle(ar)));
    return p.future();
  }

  private void cleanupNowAndThen() {
    long now = System.currentTimeMillis();
    if (now - lastCleanup < CLEANUP_EVERY_MS) {
      return;
    }
    lastCleanup = now;
    long applied = metrics.committedIndex();
    if (applied >= 0) {
      try {
        journal.deleteAppliedCycles(applied, java.time.Instant.ofEpochMilli(now));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "journal cleanup failed", e);
      }
    }
  }

  /** 50 ms doubling up to 5 s: fast recovery from a blip, no hammering of a down database. */
  private static long backoffMillis(int attempt) {
    return Math.min(MAX_BACKOFF_MS, 50L << Math.min(attempt, 10));
  }
}
