package dev.agentlens.bench.harness;

import java.time.Duration;
import java.util.Map;

/**
 * Ends a run that stopped making progress: past its deadline it prints every harness thread's stack
 * (where it waits is the diagnosis), kills the server process it started, and exits non-zero, so a
 * wedged run fails CI in minutes instead of hanging it until the job's own timeout.
 */
final class Watchdog {
  static final int EXIT_CODE = 3;

  private Watchdog() {}

  static void start(Duration deadline) {
    Thread t =
        new Thread(
            () -> {
              try {
                Thread.sleep(deadline.toMillis());
              } catch (InterruptedException e) {
                return;
              }
              fire(deadline);
            },
            "bench-watchdog");
    t.setDaemon(true);
    t.start();
  }

  private static void fire(Duration deadline) {
    StringBuilder sb = new StringBuilder();
    sb.append("bench run exceeded its deadline of ")
        .append(deadline.toMinutes())
        .append(" min; harness threads:\n");
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      sb.append('"').append(e.getKey().getName()).append("\" ").append(e.getKey().getState());
      sb.append('\n');
      for (StackTraceElement frame : e.getValue()) {
        sb.append("    at ").append(frame).append('\n');
      }
    }
    System.err.print(sb);
    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    Runtime.getRuntime().halt(EXIT_CODE);
  }
}
