package dev.agentlens.engine.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Reference §2.1 and the four worked examples of §2.7, byte for byte. */
class EventHasherTest {
  private static final String HASH_A =
      "04664dff69338b67cfb4f29f97210fcc18d770cfe59fda8e88489e78468d1b6b";
  private static final String HASH_B =
      "aacb9d0443fd23458b21285b51dddfd22fdb5f483e105f4e85deea580cfa44e0";
  private static final String HASH_C =
      "f2e34ac2a8a01923673480515db1516cf0410e6e9b51e19e1e54eae1ac27f416";
  private static final String HASH_D =
      "586b2a28613ef7c5e797dc460f4ec8c2b1b3eba8d9080eae02299c08ac5cda4b";

  private static String canonical(String json) {
    return CanonicalJson.write(CanonicalJson.parse(json));
  }

  @Test
  void exampleAGenesis() {
    String payload = canonical("{\"agentName\":\"My Agent\",\"tags\":[\"production\"]}");
    String[] args = {
      "01HQZX0000000000000000000A",
      "2026-02-08T10:00:00.000Z",
      "sess_01",
      "my-agent",
      "session_started",
      "info",
      payload,
      "{}",
      null
    };
    assertThat(text(args))
        .isEqualTo(
            "{\"v\":2,\"id\":\"01HQZX0000000000000000000A\",\"timestamp\":\"2026-02-08T10:00:00.000Z\","
                + "\"sessionId\":\"sess_01\",\"agentId\":\"my-agent\",\"eventType\":\"session_started\","
                + "\"severity\":\"info\",\"payload\":{\"agentName\":\"My Agent\",\"tags\":[\"production\"]},"
                + "\"metadata\":{},\"prevHash\":null}");
    assertThat(hash(args)).isEqualTo(HASH_A);
    assertThat(EventHasher.sha256Hex(text(args))).isEqualTo(HASH_A);
  }

  @Test
  void exampleBChainedOnA() {
    String payload =
        canonical("{\"toolName\":\"search\",\"callId\":\"c1\",\"arguments\":{\"query\":\"test\"}}");
    assertThat(
            EventHasher.hash(
                "01HQZX0000000000000000000B",
                "2026-02-08T10:00:01.342Z",
                "sess_01",
                "my-agent",
                "tool_call",
                "info",
                payload,
                "{}",
                HASH_A))
        .isEqualTo(HASH_B);
  }

  @Test
  void exampleCUpstreamBaseEventFixture() {
    String payload =
        canonical(
            "{\"toolName\":\"web_search\",\"arguments\":{\"query\":\"test\"},\"callId\":\"call_1\"}");
    assertThat(
            EventHasher.hash(
                "01HXY0001",
                "2026-02-07T10:00:00Z",
                "sess_abc123",
                "agent_main",
                "tool_call",
                "info",
                payload,
                "{}",
                null))
        .isEqualTo(HASH_C);
  }

  @Test
  void exampleDJsOrderingAndNumberRules() {
    String payload =
        canonical(
            "{\"provider\":\"openai\",\"model\":\"gpt-4o\",\"inputTokens\":1.0,\"outputTokens\":5e1,"
                + "\"totalTokens\":150,\"costUsd\":0.1,\"10\":\"x\",\"2\":\"y\"}");
    String metadata = canonical("{\"b\":1,\"a\":\"é/\\u2028\"}");
    assertThat(payload)
        .isEqualTo(
            "{\"2\":\"y\",\"10\":\"x\",\"provider\":\"openai\",\"model\":\"gpt-4o\",\"inputTokens\":1,"
                + "\"outputTokens\":50,\"totalTokens\":150,\"costUsd\":0.1}");
    assertThat(metadata).isEqualTo("{\"b\":1,\"a\":\"é/\u2028\"}");
    assertThat(canonical("{\"b\":1,\"a\":\"é/\u2028\"}"))
        .isEqualTo(metadata); // raw input, same text
    String[] args = {
      "01HQZX0000000000000000000C",
      "2026-02-08T10:00:02Z",
      "sess_01",
      "my-agent",
      "cost_tracked",
      "info",
      payload,
      metadata,
      HASH_B
    };
    assertThat(hash(args)).isEqualTo(HASH_D);
    // é and U+2028 go out as raw UTF-8 bytes.
    assertThat(EventHasher.sha256Hex(text(args).getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(HASH_D);
  }

  @Test
  void stringFieldsUseCanonicalEscapes() {
    String text =
        EventHasher.canonicalText(
            "i\"d", "t\n", "s\u0001", "a\uD800", "e", "info", "[]", "{}", "p");
    assertThat(text)
        .isEqualTo(
            "{\"v\":2,\"id\":\"i\\\"d\",\"timestamp\":\"t\\n\",\"sessionId\":\"s\\u0001\","
                + "\"agentId\":\"a\\ud800\",\"eventType\":\"e\",\"severity\":\"info\",\"payload\":[],"
                + "\"metadata\":{},\"prevHash\":\"p\"}");
  }

  @Test
  void sha256HexHelpers() {
    String emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    assertThat(EventHasher.sha256Hex(new byte[0])).isEqualTo(emptyHash);
    assertThat(EventHasher.sha256Hex("")).isEqualTo(emptyHash);
    assertThat(EventHasher.sha256Hex("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    String mixed = "é\u2028\uD83D\uDE00x";
    assertThat(EventHasher.sha256Hex(mixed))
        .isEqualTo(EventHasher.sha256Hex(mixed.getBytes(StandardCharsets.UTF_8)));
    // A lone surrogate is hashed as U+FFFD (EF BF BD), as Node's hash.update(string) does.
    assertThat(EventHasher.sha256Hex("x\uD800"))
        .isEqualTo("5f350b94b4920d9b754a97c80041225f8d86f46f57886ec93ba109e432454d6a");
  }

  @Test
  void largeInputsAndReuseAcrossCallsGiveTheSameHashes() {
    String big = "{\"k\":\"" + "é".repeat(100_000) + "\"}";
    String expected =
        EventHasher.sha256Hex(
            EventHasher.canonicalText("1", "t", "s", "a", "e", "info", big, "{}", null)
                .getBytes(StandardCharsets.UTF_8));
    assertThat(EventHasher.hash("1", "t", "s", "a", "e", "info", big, "{}", null))
        .isEqualTo(expected);
    assertThat(hash(exampleA())).isEqualTo(HASH_A);
    assertThat(EventHasher.hash("1", "t", "s", "a", "e", "info", big, "{}", null))
        .isEqualTo(expected);
  }

  @Test
  void threadsDoNotShareScratchState() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 2000; i++) {
                    if (!hash(exampleA()).equals(HASH_A)) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String[] exampleA() {
    return new String[] {
      "01HQZX0000000000000000000A",
      "2026-02-08T10:00:00.000Z",
      "sess_01",
      "my-agent",
      "session_started",
      "info",
      "{\"agentName\":\"My Agent\",\"tags\":[\"production\"]}",
      "{}",
      null
    };
  }

  private static String hash(String[] a) {
    return EventHasher.hash(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8]);
  }

  private static String text(String[] a) {
    return EventHasher.canonicalText(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8]);
  }
}
