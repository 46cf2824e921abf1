package dev.agentlens.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * CPU and resident memory of the server process, read from /proc every 200 ms. A window reports the
 * average CPU (in cores) and the peak RSS seen since it was opened. Without a local process (a
 * server reached by --url) every figure is NaN.
 */
final class ProcessStats implements AutoCloseable {
  private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

  private final long pid;
  private final ScheduledExecutorService sampler;
  private volatile long peakRssKib;
  private volatile long peakAnonKib;

  ProcessStats(long pid) {
    this.pid = pid;
    if (pid > 0) {
      sampler =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "bench-process-stats");
                t.setDaemon(true);
                return t;
              });
      sampler.scheduleAtFixedRate(this::sample, 0, 200, TimeUnit.MILLISECONDS);
    } else {
      sampler = null;
    }
  }

  static ProcessStats none() {
    return new ProcessStats(-1);
  }

  /** A measuring window: CPU from now on, and the RSS peak from now on. */
  Window open() {
    long[] now = rssAndAnonKib();
    peakRssKib = now[0];
    peakAnonKib = now[1];
    return new Window(cpuTicks(), System.nanoTime());
  }

  final class Window {
    private final long ticks0;
    private final long nanos0;

    private Window(long ticks0, long nanos0) {
      this.ticks0 = ticks0;
      this.nanos0 = nanos0;
    }

    double cpuCores() {
      if (pid <= 0) {
        return Double.NaN;
      }
      double seconds = (System.nanoTime() - nanos0) / 1e9;
      return (cpuTicks() - ticks0) / (double) CLOCK_TICKS_PER_SECOND / seconds;
    }

    long peakRssMiB() {
      sample();
      return pid <= 0 ? -1 : peakRssKib / 1024;
    }

    /** Heap and native memory only: pages of mapped files (journal, SQLite mmap) left out. */
    long peakAnonMiB() {
      sample();
      return pid <= 0 ? -1 : peakAnonKib / 1024;
    }
  }

  private void sample() {
    long[] now = rssAndAnonKib();
    peakRssKib = Math.max(peakRssKib, now[0]);
    peakAnonKib = Math.max(peakAnonKib, now[1]);
  }

  /** VmRSS and RssAnon from one read of /proc/<pid>/status; -1 when unknown. */
  private long[] rssAndAnonKib() {
    long[] kib = {-1, -1};
    if (pid <= 0) {
      return kib;
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          kib[0] = Long.parseLong(line.replaceAll("[^0-9]", ""));
        } else if (line.startsWith("RssAnon:")) {
          kib[1] = Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process is gone: unknown
    }
    return kib;
  }

  private long cpuTicks() {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // Fields after the command name, which may itself hold spaces and parentheses.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  @Override
  public void close() {
    if (sampler != null) {
      sampler.shutdownNow();
    }
  }
}
