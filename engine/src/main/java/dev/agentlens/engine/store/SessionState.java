package dev.agentlens.engine.store;

import dev.agentlens.engine.model.EventType;
import dev.agentlens.engine.model.IngestEvent;
import dev.agentlens.engine.model.PayloadFacts;
import java.util.List;

/**
 * A session row being folded forward by a drain batch: the aggregates of reference §3.2 with the
 * SPEC §4 fixes (lastEventAt is the max event time) and the chain tail ({@code lastSeq}, {@code
 * lastHash}). Mutable on purpose: one instance per session per batch, written back once.
 */
public final class SessionState {
  public final String tenantId;
  public final String id;
  public final boolean existed;
  public String agentId;
  public String agentName;
  public String startedAt;
  public String endedAt;
  public String lastEventAt;
  public String status;
  public long eventCount;
  public long toolCallCount;
  public long errorCount;
  public double totalCostUsd;
  public long llmCallCount;
  public long totalInputTokens;
  public long totalOutputTokens;
  public List<String> tags;
  public long lastSeq;
  public String lastHash;

  /** A stored session as loaded by a backend. */
  public SessionState(
      String tenantId,
      String id,
      String agentId,
      String agentName,
      String startedAt,
      String endedAt,
      String lastEventAt,
      String status,
      long eventCount,
      long toolCallCount,
      long errorCount,
      double totalCostUsd,
      long llmCallCount,
      long totalInputTokens,
      long totalOutputTokens,
      List<String> tags,
      long lastSeq,
      String lastHash) {
    this.tenantId = tenantId;
    this.id = id;
    this.existed = true;
    this.agentId = agentId;
    this.agentName = agentName;
    this.startedAt = startedAt;
    this.endedAt = endedAt;
    this.lastEventAt = lastEventAt;
    this.status = status;
    this.eventCount = eventCount;
    this.toolCallCount = toolCallCount;
    this.errorCount = errorCount;
    this.totalCostUsd = totalCostUsd;
    this.llmCallCount = llmCallCount;
    this.totalInputTokens = totalInputTokens;
    this.totalOutputTokens = totalOutputTokens;
    this.tags = tags;
    this.lastSeq = lastSeq;
    this.lastHash = lastHash;
  }

  /** A session first seen in this batch: it takes agent and start time from its first event. */
  SessionState(IngestEvent first) {
    this.tenantId = first.tenantId();
    this.id = first.sessionId();
    this.existed = false;
    this.agentId = first.agentId();
    this.startedAt = first.timestamp();
    this.lastEventAt = first.timestamp();
    this.status = "active";
    this.tags = List.of();
  }

  /** Folds one event in (reference §3.2). */
  void apply(IngestEvent e) {
    PayloadFacts f = e.facts();
    String ts = e.timestamp();
    if (ts.compareTo(lastEventAt) > 0) {
      lastEventAt = ts;
    }
    eventCount++;
    switch (e.eventType()) {
      case SESSION_STARTED -> {
        if (f.agentName() != null) {
          agentName = f.agentName();
        }
        status = "active";
        if (!f.tags().isEmpty()) {
          tags = f.tags();
        }
      }
      case SESSION_ENDED -> {
        endedAt = ts;
        status = "error".equals(f.endReason()) ? "error" : "completed";
        if (e.isError()) {
          errorCount++;
        }
      }
      default -> {
        if (e.eventType() == EventType.TOOL_CALL) {
          toolCallCount++;
        }
        if (e.isError()) {
          errorCount++;
        }
        if (e.eventType() == EventType.COST_TRACKED || e.eventType() == EventType.LLM_RESPONSE) {
          totalCostUsd += f.costOrZero();
        }
        if (e.eventType() == EventType.LLM_RESPONSE) {
          llmCallCount++;
          totalInputTokens += (long) f.inputTokensOrZero();
          totalOutputTokens += (long) f.outputTokensOrZero();
        }
      }
    }
  }
}
