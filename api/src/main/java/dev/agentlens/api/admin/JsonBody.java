package dev.agentlens.api.admin;

import dev.agentlens.api.ingest.InvalidJsonException;
import dev.agentlens.engine.json.CanonicalJson;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * The JSON object body of an admin request, in the {@code CanonicalJson} model (JavaScript {@code
 * JSON.parse} semantics). Unparseable or falsy JSON is 400 {@code Invalid JSON body} as upstream;
 * another non-object is 400 {@code Validation failed} at the root.
 */
final class JsonBody {
  private JsonBody() {}

  /**
   * @param emptyIsObject whether a missing or blank body stands for {@code {}}
   */
  static Map<String, Object> object(RoutingContext ctx, boolean emptyIsObject) {
    Buffer raw = ctx.body().buffer();
    String text = raw == null ? "" : raw.toString();
    if (text.isBlank()) {
      if (emptyIsObject) {
        return Map.of();
      }
      throw new InvalidJsonException();
    }
    Object parsed;
    try {
      parsed = CanonicalJson.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidJsonException();
    }
    if (isFalsy(parsed)) {
      throw new InvalidJsonException();
    }
    if (!(parsed instanceof Map<?, ?>)) {
      Validation v = new Validation();
      v.add("", Validation.expected("object", parsed));
      v.throwIfAny();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) parsed;
    return object;
  }

  private static boolean isFalsy(Object v) {
    return v == null
        || Boolean.FALSE.equals(v)
        || (v instanceof Double d && (d == 0 || d.isNaN()))
        || "".equals(v);
  }
}
