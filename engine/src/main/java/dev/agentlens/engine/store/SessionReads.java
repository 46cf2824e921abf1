package dev.agentlens.engine.store;

import dev.agentlens.engine.model.Page;
import dev.agentlens.engine.model.Session;
import dev.agentlens.engine.model.SessionQuery;
import io.vertx.core.Future;
import java.util.Optional;

/** Session reads (reference §3); idle is derived from the store's clock and idle setting. */
public interface SessionReads {

  Future<Page<Session>> query(SessionQuery query);

  Future<Long> count(SessionQuery query);

  Future<Optional<Session>> get(String tenantId, String id);
}
