package dev.agentlens.engine.store;

/** A session or an event id within a tenant (sessions and client ids are tenant-scoped). */
public record SessionKey(String tenantId, String id) {}
