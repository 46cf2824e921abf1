package dev.agentlens.engine.store.sqlite;

import dev.agentlens.engine.json.CanonicalJson;
import java.util.ArrayList;
import java.util.List;

/** JSON array/object columns (tags, scopes, channels) to and from Java values. */
final class SqliteJson {
  private SqliteJson() {}

  static List<String> stringList(String json) {
    if (json == null || json.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (CanonicalJson.parse(json) instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof String s) {
          out.add(s);
        }
      }
    }
    return out;
  }

  static String of(Object value) {
    return CanonicalJson.write(value);
  }
}
