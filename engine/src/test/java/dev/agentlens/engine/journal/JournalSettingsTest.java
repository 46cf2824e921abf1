package dev.agentlens.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JournalSettingsTest {

  private static JournalSettings forRequests(long bytes) {
    return new JournalSettings(Path.of("j"), SyncMode.NONE, Duration.ofHours(1), null, bytes);
  }

  @Test
  void blocksHoldFourEntriesOfTwiceTheLargestRequestAndAreAtLeast8MiB() {
    assertThat(new JournalSettings(Path.of("j"), SyncMode.NONE, Duration.ZERO, null).blockSize())
        .isEqualTo(8L << 20);
    assertThat(forRequests(1000).blockSize()).isEqualTo(8L << 20);
    assertThat(forRequests(1L << 20).blockSize()).isEqualTo(8L << 20);
    assertThat(forRequests((1L << 20) + 1).blockSize()).isEqualTo(16L << 20);
    assertThat(forRequests((2L << 20) + 1).blockSize()).isEqualTo(32L << 20);
    assertThat(forRequests(10L << 20).blockSize()).isEqualTo(128L << 20);
  }

  @Test
  void aLargestRequestMustBePositive() {
    assertThatThrownBy(() -> forRequests(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
