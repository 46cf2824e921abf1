package dev.agentlens.api;

import dev.agentlens.engine.config.ConfigException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One server per journal: a second server on the same directory would drain the same entries into
 * the database a second time. An OS file lock, so a killed server never leaves it held.
 */
final class JournalLock implements AutoCloseable {
  static final String FILE = "server.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private JournalLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static JournalLock acquire(Path journalDir) throws IOException {
    Files.createDirectories(journalDir);
    Path file = journalDir.resolve(FILE);
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by this very JVM
    }
    if (lock == null) {
      channel.close();
      throw new ConfigException(
          "journal directory "
              + journalDir
              + " is in use by another AgentLens server (it holds "
              + file
              + "); run one server per data directory");
    }
    return new JournalLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    if (!channel.isOpen()) {
      return;
    }
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
