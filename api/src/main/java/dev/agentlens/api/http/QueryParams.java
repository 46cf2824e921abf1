package dev.agentlens.api.http;

import dev.agentlens.engine.model.Timestamps;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Query-string parsing shared by every route: a malformed value is a 400 naming the parameter and
 * the rule (never a 500); numbers in the wrong range are clamped as upstream does.
 */
public final class QueryParams {
  private QueryParams() {}

  /** The raw value, or null when absent or empty. */
  public static String string(RoutingContext ctx, String name) {
    String v = ctx.request().getParam(name);
    return v == null || v.isEmpty() ? null : v;
  }

  /**
   * An integer clamped to [min, max]; absent or 0 → {@code dflt} when {@code zeroMeansDefault}. Not
   * an integer → 400.
   */
  public static int clampedInt(
      RoutingContext ctx, String name, int dflt, int min, int max, boolean zeroMeansDefault) {
    String v = string(ctx, name);
    if (v == null) {
      return dflt;
    }
    long n;
    try {
      n = Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name, "must be an integer");
    }
    if (n == 0 && zeroMeansDefault) {
      return dflt;
    }
    return (int) Math.max(min, Math.min(max, n));
  }

  /** A comma-separated list without empty items (empty list when absent). */
  public static List<String> list(RoutingContext ctx, String name) {
    String v = string(ctx, name);
    List<String> out = new ArrayList<>();
    if (v != null) {
      for (String part : v.split(",")) {
        String p = part.trim();
        if (!p.isEmpty()) {
          out.add(p);
        }
      }
    }
    return out;
  }

  /** An RFC 3339 date-time (Z or offset) in canonical form, or null when absent; else 400. */
  public static String timestamp(RoutingContext ctx, String name) {
    String v = string(ctx, name);
    if (v == null) {
      return null;
    }
    try {
      return Timestamps.canonicalize(v);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(name, "must be an ISO 8601 date-time with Z or an offset");
    }
  }

  /** "true" / "false" / absent (→ dflt); anything else → 400. */
  public static boolean bool(RoutingContext ctx, String name, boolean dflt) {
    String v = string(ctx, name);
    if (v == null) {
      return dflt;
    }
    return switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw ApiException.badRequest(name, "must be true or false");
    };
  }
}
