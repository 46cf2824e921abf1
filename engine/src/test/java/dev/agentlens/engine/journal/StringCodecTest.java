package dev.agentlens.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;

class StringCodecTest {
  private static String roundTrip(String s, Bytes<byte[]> bytes) {
    bytes.clear();
    StringCodec.write(bytes, s);
    return new StringCodec.Reader(bytes).read();
  }

  @Test
  void wellFormedStringsAreStandardUtf8() {
    Bytes<byte[]> bytes = Bytes.allocateElasticOnHeap(64);
    for (String s : new String[] {"", "ascii", "é日本", "pair \uD83D\uDE00"}) {
      assertThat(roundTrip(s, bytes)).isEqualTo(s);
      int utf8 = s.getBytes(StandardCharsets.UTF_8).length;
      bytes.readPosition(0);
      assertThat(bytes.readStopBit()).isEqualTo((long) utf8 << 1);
    }
  }

  @Test
  void loneSurrogatesFallBackToUtf16Units() {
    Bytes<byte[]> bytes = Bytes.allocateElasticOnHeap(64);
    for (String s : new String[] {"\uD800", "a\uDC00b", "\uDC00\uD800", "end \uD83D", "\uDE00x"}) {
      assertThat(StringCodec.hasLoneSurrogate(s)).as(s).isTrue();
      assertThat(roundTrip(s, bytes)).isEqualTo(s);
      bytes.readPosition(0);
      assertThat(bytes.readStopBit()).isEqualTo(((long) s.length() << 1) | 1);
    }
    assertThat(StringCodec.hasLoneSurrogate("ok \uD83D\uDE00\uD83D\uDE00")).isFalse();
  }

  @Test
  void aLengthBeyondTheEntryIsNotAString() {
    Bytes<byte[]> bytes = Bytes.allocateElasticOnHeap(64);
    bytes.writeStopBit(100L << 1);
    bytes.write(new byte[] {1, 2, 3});
    assertThat(new StringCodec.Reader(bytes).read()).isNull();
  }
}
