package dev.agentlens.engine.journal;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Group commit for {@code journal.sync: batch}: one daemon thread takes every pending durability
 * request, forces each cycle file they touch once, then completes them all.
 *
 * <p>Why {@link FileChannel#force} and not Chronicle's {@code appender.sync()}: an appender is
 * confined to its event loop, and its sync only msyncs its own current chunk. On Linux {@code
 * msync(MS_SYNC)} of a shared mapping is {@code vfs_fsync_range} on the file, so {@code fdatasync}
 * on any descriptor of the cycle file flushes the mapped pages of every appender at once. A request
 * is only made after its append returned, and Chronicle serialises appends under one write lock, so
 * the force that follows covers it and every lower index of the cycles forced. When a round reaches
 * a newer cycle, the previous one is forced too, so that {@link #durableIndex} can promise every
 * entry up to it. A cycle file seen for the first time also gets its directory forced, so that the
 * new file's name survives a power loss too.
 */
final class GroupCommit implements AutoCloseable {
  private record Request(long index, Promise<Void> promise, Context context) {}

  private static final Request STOP = new Request(-1, null, null);

  private final CycleFiles files;
  private final Path dir;
  private final LinkedBlockingQueue<Request> requests = new LinkedBlockingQueue<>();
  private final Map<Integer, FileChannel> channels = new HashMap<>(); // sync thread only
  private final AtomicLong syncs = new AtomicLong();
  private final Thread thread;
  private volatile boolean closed;
  private volatile long durableIndex = -1;
  private volatile Runnable beforeSync = () -> {};
  private int lastForcedCycle = Integer.MIN_VALUE; // sync thread only

  GroupCommit(Path dir, CycleFiles files) {
    this.dir = dir;
    this.files = files;
    this.thread = new Thread(this::run, "agentlens-journal-sync");
    thread.setDaemon(true);
    thread.start();
  }

  Future<Void> request(long index) {
    if (index <= durableIndex) {
      return Future.succeededFuture();
    }
    if (closed) {
      return Future.failedFuture(new IllegalStateException("journal closed"));
    }
    Promise<Void> promise = Promise.promise();
    requests.add(new Request(index, promise, Vertx.currentContext()));
    if (closed) {
      failLeftovers(); // close() may have run between the check and the add
    }
    return promise.future();
  }

  /** Every entry up to this index is on disk (-1: none known yet). */
  long durableIndex() {
    return durableIndex;
  }

  /** How many sync rounds (one or more file forces each) have run. */
  long syncCount() {
    return syncs.get();
  }

  /** Test hook: runs on the sync thread before each round's forces. */
  void beforeSync(Runnable hook) {
    this.beforeSync = hook;
  }

  private void run() {
    List<Request> batch = new ArrayList<>();
    boolean stop = false;
    while (!stop) {
      try {
        batch.add(requests.take());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      requests.drainTo(batch);
      stop = batch.removeIf(r -> r == STOP);
      if (!batch.isEmpty()) {
        syncAndComplete(batch);
      }
      batch.clear();
    }
    closeChannels(Integer.MAX_VALUE);
  }

  private void syncAndComplete(List<Request> batch) {
    Throwable failure = null;
    try {
      beforeSync.run();
      TreeSet<Integer> cycles = new TreeSet<>();
      long maxIndex = -1;
      for (Request r : batch) {
        cycles.add(files.cycleOf(r.index()));
        maxIndex = Math.max(maxIndex, r.index());
      }
      if (lastForcedCycle != Integer.MIN_VALUE
          && lastForcedCycle < cycles.last()
          && Files.exists(files.fileOf(lastForcedCycle))) {
        cycles.add(lastForcedCycle); // entries appended to it since its last force
      }
      for (int cycle : cycles) {
        force(cycle);
      }
      syncs.incrementAndGet();
      lastForcedCycle = Math.max(lastForcedCycle, cycles.last());
      durableIndex = Math.max(durableIndex, maxIndex);
      closeChannels(cycles.last());
    } catch (RuntimeException | IOException e) {
      failure = e;
    }
    for (Request r : batch) {
      complete(r, failure);
    }
  }

  private void force(int cycle) throws IOException {
    FileChannel channel = channels.get(cycle);
    if (channel == null) {
      channel = FileChannel.open(files.fileOf(cycle), StandardOpenOption.READ);
      channels.put(cycle, channel);
      channel.force(false);
      forceDirectory();
    } else {
      channel.force(false);
    }
  }

  private void forceDirectory() {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // Some platforms cannot open or force a directory; the file's own data is still forced.
    }
  }

  /**
   * Keeps only the channels of cycles at or after {@code keepFrom}: older cycles no longer grow.
   */
  private void closeChannels(int keepFrom) {
    for (Iterator<Map.Entry<Integer, FileChannel>> it = channels.entrySet().iterator();
        it.hasNext(); ) {
      Map.Entry<Integer, FileChannel> e = it.next();
      if (e.getKey() < keepFrom) {
        try {
          e.getValue().close();
        } catch (IOException ignored) {
          // A read-only descriptor that fails to close loses nothing: its forces are done.
        }
        it.remove();
      }
    }
  }

  private static void complete(Request r, Throwable failure) {
    Runnable done =
        failure == null ? () -> r.promise().tryComplete() : () -> r.promise().tryFail(failure);
    if (r.context() != null) {
      r.context().runOnContext(v -> done.run());
    } else {
      done.run();
    }
  }

  private void failLeftovers() {
    List<Request> left = new ArrayList<>();
    requests.drainTo(left);
    IllegalStateException closedError = new IllegalStateException("journal closed");
    for (Request r : left) {
      if (r != STOP) {
        complete(r, closedError);
      }
    }
  }

  /** Serves every request already made, then stops the thread. */
  @Override
  public void close() {
    closed = true;
    requests.add(STOP);
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    failLeftovers();
  }
}
