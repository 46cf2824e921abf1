package dev.agentlens.engine.store;

import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;

/** Runtime settings changed through the API (config_kv), e.g. retentionDays. */
public interface ConfigStore {

  Future<Optional<String>> get(String key);

  Future<Void> put(String key, String value);

  Future<Map<String, String>> all();
}
