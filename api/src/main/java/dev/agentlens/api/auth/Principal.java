package dev.agentlens.api.auth;

import java.util.Objects;

/** Who is calling: the tenant every read and write is scoped to, and the role for route guards. */
public record Principal(String tenantId, Role role, String keyId) {
  public Principal {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(role, "role");
  }

  /** AUTH_DISABLED: everything is tenant "default", admin. */
  public static final Principal LOCAL = new Principal("default", Role.ADMIN, null);
}
