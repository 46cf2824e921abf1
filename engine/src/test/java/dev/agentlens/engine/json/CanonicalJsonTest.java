package dev.agentlens.engine.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reference §2.2: every rule of JS {@code JSON.stringify(JSON.parse(text))}. */
class CanonicalJsonTest {

  private static String canon(String json) {
    return CanonicalJson.write(CanonicalJson.parse(json));
  }

  @Test
  void rule1IndexLikeKeysFirstAscendingThenInsertionOrder() {
    assertThat(
            canon(
                "{\"b\":1,\"4294967295\":2,\"4294967294\":3,\"0\":4,\"1e3\":5,\"10\":6,\" 1\":7}"))
        .isEqualTo(
            "{\"0\":4,\"10\":6,\"4294967294\":3,\"b\":1,\"4294967295\":2,\"1e3\":5,\" 1\":7}");
  }

  @Test
  void rule1LeadingZerosSignsAndFractionsAreOrdinaryKeys() {
    assertThat(canon("{\"01\":1,\"-1\":2,\"1.0\":3,\"2\":4,\"0\":5,\"\":6,\"+3\":7}"))
        .isEqualTo("{\"0\":5,\"2\":4,\"01\":1,\"-1\":2,\"1.0\":3,\"\":6,\"+3\":7}");
  }

  @Test
  void rule1AppliesToNestedObjectsAndObjectsInArrays() {
    assertThat(canon("{\"z\":{\"y\":1,\"3\":2,\"1\":3},\"a\":[{\"k\":1,\"7\":2}],\"5\":{}}"))
        .isEqualTo("{\"5\":{},\"z\":{\"1\":3,\"3\":2,\"y\":1},\"a\":[{\"7\":2,\"k\":1}]}");
  }

  @Test
  void rule1OrdersManyIndexKeysNumericallyNotLexically() {
    StringBuilder in = new StringBuilder("{");
    for (int i = 40; i >= 0; i--) {
      in.append('"').append(i * 7).append("\":").append(i).append(i == 0 ? "}" : ",");
    }
    String out = canon(in.toString());
    assertThat(out).startsWith("{\"0\":0,\"7\":1,\"14\":2,").endsWith(",\"280\":40}");
  }

  @Test
  void rule2DuplicateKeysKeepFirstPositionAndLastValue() {
    assertThat(canon("{\"a\":1,\"b\":2,\"a\":3}")).isEqualTo("{\"a\":3,\"b\":2}");
    assertThat(canon("{\"a\":{\"x\":1},\"1\":2,\"a\":[],\"1\":4}")).isEqualTo("{\"1\":4,\"a\":[]}");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1.0|1",
        "5e1|50",
        "100000000000000000000|100000000000000000000",
        "1e21|1e+21",
        "0.000001|0.000001",
        "1e-7|1e-7",
        "-1.5e-10|-1.5e-10",
        "1.7976931348623157e+308|1.7976931348623157e+308",
        "5e-324|5e-324",
        "-0|0",
        "-0.0|0",
        "12345678901234567890|12345678901234567000",
        "9007199254740993|9007199254740992",
        "0.1|0.1",
        "0.3|0.3",
        "0.3333333333333333|0.3333333333333333",
        "123e-20|1.23e-18",
        "1e23|1e+23",
        "5e-7|5e-7",
        "2.5e-7|2.5e-7",
        "1.5|1.5",
        "-2|-2",
        "0|0",
        "1E+2|100",
        "123.456|123.456",
        "0.0000012|0.0000012",
        "8.41e21|8.41e+21",
        "2e-3|0.002",
        "1.2e20|120000000000000000000",
        "999999999999999999999|1e+21",
        "4.9e-324|5e-324",
        "2.2250738585072014e-308|2.2250738585072014e-308",
        "1e400|null",
        "-1e400|null",
        "123456789012.5|123456789012.5"
      })
  void rule3NumbersAreDoublesPrintedWithEcmaScriptNumberToString(String in, String out) {
    assertThat(canon(in)).isEqualTo(out);
    assertThat(canon("[" + in + "]")).isEqualTo("[" + out + "]");
  }

  @Test
  void rule3NumbersAreAlwaysDoublesInTheModel() {
    assertThat(CanonicalJson.parse("[1,-0,1.5,12345678901234567890,1e400]"))
        .isEqualTo(List.of(1.0, 0.0, 1.5, 1.2345678901234567E19, Double.POSITIVE_INFINITY));
  }

  @Test
  void formatNumberHandlesNonFiniteLikeNumberToString() {
    assertThat(CanonicalJson.formatNumber(Double.NaN)).isEqualTo("NaN");
    assertThat(CanonicalJson.formatNumber(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
    assertThat(CanonicalJson.formatNumber(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    assertThat(CanonicalJson.write(Double.NaN)).isEqualTo("null");
  }

  @Test
  void rule4TwoCharEscapesAndLowercaseUnicodeEscapes() {
    assertThat(canon("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t\""))
        .isEqualTo("\"q\\\" b\\\\ s/ \\b\\f\\n\\r\\t\"");
    for (char c = 0; c < 0x20; c++) {
      String in = "\"\\u" + String.format("%04X", (int) c) + "\"";
      String out = canon(in);
      String want =
          switch (c) {
            case '\b' -> "\"\\b\"";
            case '\f' -> "\"\\f\"";
            case '\n' -> "\"\\n\"";
            case '\r' -> "\"\\r\"";
            case '\t' -> "\"\\t\"";
            default -> "\"\\u" + String.format("%04x", (int) c) + "\"";
          };
      assertThat(out).as("U+%04X", (int) c).isEqualTo(want);
    }
    assertThat(canon("\"\\u000B\"")).isEqualTo("\"\\u000b\"");
    assertThat(canon("\"\\u001F\"")).isEqualTo("\"\\u001f\"");
  }

  @Test
  void rule4EverythingElseIsRaw() {
    assertThat(canon("\"\\u007f\"")).isEqualTo("\"\u007f\"");
    assertThat(canon("\"a/b\"")).isEqualTo("\"a/b\"");
    assertThat(canon("\"\\u00e9\"")).isEqualTo("\"é\"");
    assertThat(canon("\"é\"")).isEqualTo("\"é\"");
    assertThat(canon("\"\\u2028\\u2029\"")).isEqualTo("\"\u2028\u2029\"");
    assertThat(canon("\"\\uD83D\\uDE00\"")).isEqualTo("\"\uD83D\uDE00\"");
    assertThat(canon("\"\uD83D\uDE00\"")).isEqualTo("\"\uD83D\uDE00\"");
  }

  @Test
  void rule4LoneSurrogatesAreEscapedLowercase() {
    assertThat(canon("\"\\uD800\"")).isEqualTo("\"\\ud800\"");
    assertThat(canon("\"\\udc00\"")).isEqualTo("\"\\udc00\"");
    assertThat(canon("\"a\\uDBFFb\\uDFFF\"")).isEqualTo("\"a\\udbffb\\udfff\"");
    assertThat(canon("\"\\uDC00\\uD800\"")).isEqualTo("\"\\udc00\\ud800\""); // reversed pair
    assertThat(CanonicalJson.write("x\uD800")).isEqualTo("\"x\\ud800\"");
    assertThat(CanonicalJson.write(Map.of("\uDFFF", 1))).isEqualTo("{\"\\udfff\":1}");
  }

  @Test
  void loneSurrogateEscapeSurvivesJacksonAsOneChar() {
    Object v = CanonicalJson.parse("\"\\ud800\"");
    assertThat(v).isEqualTo("\uD800");
    assertThat(((String) v).length()).isEqualTo(1);
  }

  @Test
  void rule5LiteralsAndArrays() {
    assertThat(canon("true")).isEqualTo("true");
    assertThat(canon("false")).isEqualTo("false");
    assertThat(canon("null")).isEqualTo("null");
    assertThat(canon(" [ 3 , \"a\" , [ ] , { } , null , true , [1,[2]] ] "))
        .isEqualTo("[3,\"a\",[],{},null,true,[1,[2]]]");
    assertThat(canon("{\"a\" : null}")).isEqualTo("{\"a\":null}");
  }

  @Test
  void parseRejectsInvalidJsonAndTrailingContent() {
    for (String bad :
        new String[] {
          "",
          " ",
          "{",
          "[1,]",
          "{\"a\":1,}",
          "01",
          "NaN",
          "'a'",
          "{a:1}",
          "1 2",
          "{} x",
          "\"a\nb\"",
          "[1] ]"
        }) {
      assertThatThrownBy(() -> CanonicalJson.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void readConsumesExactlyOneValueAndStopsOnItsLastToken() throws IOException {
    try (JsonParser p = new JsonFactory().createParser("[{\"b\":2,\"1\":[true]},7,\"s\"]")) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_ARRAY);
      p.nextToken();
      Object first = CanonicalJson.read(p);
      assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
      assertThat(CanonicalJson.write(first)).isEqualTo("{\"1\":[true],\"b\":2}");
      p.nextToken();
      assertThat(CanonicalJson.read(p)).isEqualTo(7.0);
      p.nextToken();
      assertThat(CanonicalJson.read(p)).isEqualTo("s");
      assertThat(p.nextToken()).isEqualTo(JsonToken.END_ARRAY);
    }
  }

  @Test
  void parseBuildsTheDocumentedModelTypes() {
    Object v = CanonicalJson.parse("{\"a\":[1],\"b\":{}}");
    assertThat(v).isInstanceOf(LinkedHashMap.class);
    Map<?, ?> m = (Map<?, ?>) v;
    assertThat(m.get("a")).isInstanceOf(ArrayList.class);
    assertThat(((List<?>) m.get("a")).get(0)).isInstanceOf(Double.class);
    assertThat(m.get("b")).isInstanceOf(LinkedHashMap.class);
  }

  @Test
  void writeAcceptsServerBuiltValues() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("i", 3);
    m.put("l", 9007199254740993L);
    m.put("bd", new BigDecimal("0.10"));
    m.put("sb", new StringBuilder("x"));
    m.put("list", List.of(1.5f, "y"));
    m.put("2", true);
    assertThat(CanonicalJson.write(m))
        .isEqualTo(
            "{\"2\":true,\"i\":3,\"l\":9007199254740992,\"bd\":0.1,\"sb\":\"x\",\"list\":[1.5,\"y\"]}");
    assertThatThrownBy(() -> CanonicalJson.write(new Object()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void utf8LengthCountsLikeNodeBufferByteLength() {
    assertThat(CanonicalJson.utf8Length("")).isZero();
    assertThat(CanonicalJson.utf8Length("abc")).isEqualTo(3);
    assertThat(CanonicalJson.utf8Length("é")).isEqualTo(2);
    assertThat(CanonicalJson.utf8Length("\u2028")).isEqualTo(3);
    assertThat(CanonicalJson.utf8Length("\uD83D\uDE00")).isEqualTo(4);
    assertThat(CanonicalJson.utf8Length("\uD800")).isEqualTo(3);
    assertThat(CanonicalJson.utf8Length("a\uDC00\uD83D\uDE00")).isEqualTo(8);
    assertThat(CanonicalJson.utf8Length("\uD83D")).isEqualTo(3);
  }

  @Test
  void arrayIndexBoundaries() {
    assertThat(CanonicalJson.arrayIndex("0")).isZero();
    assertThat(CanonicalJson.arrayIndex("4294967294")).isEqualTo(4294967294L);
    assertThat(CanonicalJson.arrayIndex("4294967295")).isEqualTo(-1);
    assertThat(CanonicalJson.arrayIndex("9999999999")).isEqualTo(-1);
    assertThat(CanonicalJson.arrayIndex("01")).isEqualTo(-1);
    assertThat(CanonicalJson.arrayIndex("1a")).isEqualTo(-1);
    assertThat(CanonicalJson.arrayIndex("")).isEqualTo(-1);
  }
}
