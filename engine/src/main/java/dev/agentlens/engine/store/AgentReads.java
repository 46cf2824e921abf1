package dev.agentlens.engine.store;

import dev.agentlens.engine.model.Agent;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** Agent reads (reference §4): ordered lastSeenAt desc, sessionCount is the true count. */
public interface AgentReads {

  Future<List<Agent>> list(String tenantId);

  Future<Optional<Agent>> get(String tenantId, String id);
}
