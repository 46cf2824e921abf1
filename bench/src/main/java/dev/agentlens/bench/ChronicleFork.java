package dev.agentlens.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Fork;

/**
 * One JMH fork that runs with the server's JVM flags: the parent pom's {@code chronicle.jvm.flags}
 * (the module exports/opens Chronicle Queue needs on JDK 17+, and its analytics and announcer
 * switched off). Benchmarks extend this class; JMH reads {@code @Fork} from superclasses.
 *
 * <p>Why the list is repeated here: JMH starts a fork as {@code java -cp … ForkedMain}, so the
 * {@code Add-Exports}/{@code Add-Opens} attributes of the runnable jar's manifest reach the host
 * JVM only, never a fork, and an annotation takes compile-time constants only. {@link #checkFlags}
 * compares the fork's arguments with the pom's property (filtered into the {@code
 * chronicle-jvm.flags} resource at build time), so the two cannot drift apart unnoticed. Passing
 * {@code -jvmArgsAppend} on the command line replaces this list: repeat the flags there.
 */
@Fork(
    value = 1,
    jvmArgsAppend = {
      "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
      "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
      "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "-Dchronicle.analytics.disable=true",
      "-Dchronicle.announcer.disable=true"
    })
public abstract class ChronicleFork {

  /**
   * Fails the trial when this JVM lacks one of the pom's {@code chronicle.jvm.flags}: call it first
   * in each {@code @Setup(Level.Trial)}.
   */
  static void checkFlags() throws IOException {
    List<String> missing = new ArrayList<>(pomFlags());
    missing.removeAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "this JVM lacks "
              + missing
              + " of the parent pom's chronicle.jvm.flags: update ChronicleFork's @Fork (or the"
              + " flags given with -jvmArgsAppend)");
    }
  }

  private static List<String> pomFlags() throws IOException {
    try (InputStream in = ChronicleFork.class.getResourceAsStream("chronicle-jvm.flags")) {
      if (in == null) {
        throw new IllegalStateException("chronicle-jvm.flags resource missing from the jar");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      if (text.isEmpty() || text.contains("${")) {
        throw new IllegalStateException("chronicle-jvm.flags was not filtered: " + text);
      }
      return List.of(text.split("\\s+"));
    }
  }
}
