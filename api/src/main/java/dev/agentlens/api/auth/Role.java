package dev.agentlens.api.auth;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Roles derived from key scopes and the categories each may use (reference §11.1). */
public enum Role {
  VIEWER(Set.of(Category.READ)),
  AUDITOR(Set.of(Category.READ, Category.AUDIT)),
  MEMBER(Set.of(Category.READ, Category.WRITE)),
  ADMIN(Set.of(Category.READ, Category.WRITE, Category.MANAGE, Category.AUDIT));

  /** What a route needs. */
  public enum Category {
    READ,
    WRITE,
    MANAGE,
    AUDIT
  }

  private final Set<Category> categories;

  Role(Set<Category> categories) {
    this.categories = categories;
  }

  public boolean may(Category c) {
    return categories.contains(c);
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Scopes → role: {@code *} or manage → admin; else audit → auditor; else write → member. */
  public static Role fromScopes(List<String> scopes) {
    if (scopes.contains("*") || scopes.contains("manage")) {
      return ADMIN;
    }
    if (scopes.contains("audit")) {
      return AUDITOR;
    }
    if (scopes.contains("write")) {
      return MEMBER;
    }
    return VIEWER;
  }

  /** The least role that has the category (for the 403 body's "required"). */
  public static Role minimumFor(Category c) {
    for (Role r : values()) {
      if (r.may(c)) {
        return r;
      }
    }
    return ADMIN;
  }
}
