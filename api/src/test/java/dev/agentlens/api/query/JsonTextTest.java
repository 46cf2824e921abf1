package dev.agentlens.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTextTest {

  @Test
  void numbersAreWrittenAsJavaScriptDoes() {
    String json =
        new JsonText()
            .beginObject()
            .member("int", 3.0)
            .member("tenth", 0.1)
            .member("sum", 0.1 + 0.2)
            .member("big", 1e21)
            .member("small", 1e-7)
            .member("negZero", -0.0)
            .member("nan", Double.NaN)
            .member("inf", Double.POSITIVE_INFINITY)
            .member("long", 9007199254740993L)
            .endObject()
            .toString();
    assertThat(json)
        .isEqualTo(
            "{\"int\":3,\"tenth\":0.1,\"sum\":0.30000000000000004,\"big\":1e+21,\"small\":1e-7,"
                + "\"negZero\":0,\"nan\":null,\"inf\":null,\"long\":9007199254740993}");
  }

  @Test
  void nestingSeparatesMembersAndElements() {
    String json =
        new JsonText()
            .beginObject()
            .key("a")
            .beginArray()
            .beginObject()
            .member("s", "x\"\n\u001f")
            .member("n", (String) null)
            .endObject()
            .beginObject()
            .endObject()
            .value(true)
            .raw(sb -> sb.append("{\"raw\":1}"))
            .endArray()
            .key("o")
            .beginObject()
            .endObject()
            .member("b", false)
            .endObject()
            .toString();
    assertThat(json)
        .isEqualTo(
            "{\"a\":[{\"s\":\"x\\\"\\n\\u001f\",\"n\":null},{},true,{\"raw\":1}],\"o\":{},"
                + "\"b\":false}");
  }
}
