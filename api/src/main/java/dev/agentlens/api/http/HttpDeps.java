package dev.agentlens.api.http;

import dev.agentlens.api.auth.ApiKeyCache;
import dev.agentlens.api.events.CommitWaiters;
import dev.agentlens.engine.config.AgentLensConfig;
import dev.agentlens.engine.journal.ChronicleJournal;
import dev.agentlens.engine.json.UlidGenerator;
import dev.agentlens.engine.metrics.IngestMetrics;
import dev.agentlens.engine.store.EventStore;
import java.time.Clock;
import java.util.function.BooleanSupplier;

/** What every HTTP verticle instance shares (built once by the composition root). */
public record HttpDeps(
    AgentLensConfig config,
    EventStore store,
    ChronicleJournal journal,
    IngestMetrics metrics,
    ApiKeyCache keys,
    CommitWaiters waiters,
    UlidGenerator ids,
    Clock clock,
    BooleanSupplier diskLow) {}
