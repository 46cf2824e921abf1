package dev.agentlens.engine.store;

import dev.agentlens.engine.model.StatsOverview;
import dev.agentlens.engine.model.StorageStats;
import dev.agentlens.engine.model.TimeWindow;
import io.vertx.core.Future;

/** GET /api/stats and /api/stats/overview (reference §9). */
public interface StatsReads {

  Future<StorageStats> stats(String tenantId);

  Future<StatsOverview> overview(String tenantId, TimeWindow current, TimeWindow previous);
}
