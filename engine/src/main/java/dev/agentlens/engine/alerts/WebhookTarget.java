package dev.agentlens.engine.alerts;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A notify channel that is an http(s) URL, and the address check that keeps webhooks off the
 * server's own network (SSRF): loopback, private, link-local, unspecified and multicast addresses
 * are refused unless {@code alerts.allow-private-targets} is true.
 *
 * @param host as in the URL (IPv6 literals in brackets), for the Host header, SNI and TLS checks
 * @param uri path and query to request ("/" when the URL has none)
 */
record WebhookTarget(boolean ssl, String host, int port, String uri) {

  /** The URL when it is an absolute http(s) URL with a host; other channels are not webhooks. */
  static Optional<WebhookTarget> parse(String channel) {
    URI u;
    try {
      u = new URI(channel.trim());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
      return Optional.empty();
    }
    boolean ssl = scheme.equals("https");
    int port = u.getPort() > 0 ? u.getPort() : ssl ? 443 : 80;
    String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    String uri = u.getRawQuery() == null ? path : path + "?" + u.getRawQuery();
    return Optional.of(new WebhookTarget(ssl, u.getHost(), port, uri));
  }

  /** The host as the resolver takes it (without IPv6 brackets). */
  String resolvableHost() {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /** Scheme, host and port only: what a log line may show (paths and queries carry secrets). */
  String origin() {
    return (ssl ? "https://" : "http://") + host + ":" + port;
  }

  /**
   * IPv4 0/8, 10/8, 127/8, 169.254/16, 172.16/12, 192.168/16; IPv6 ::, ::1, fc00::/7, fe80::/10,
   * fec0::/10; IPv4-mapped IPv6 by its IPv4 address; multicast of both.
   */
  static boolean isPrivate(InetAddress a) {
    if (a.isAnyLocalAddress()
        || a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return true;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      return isPrivateV4(b[0] & 0xff, b[1] & 0xff);
    }
    int b0 = b[0] & 0xff;
    int b1 = b[1] & 0xff;
    if ((b0 & 0xfe) == 0xfc || (b0 == 0xfe && (b1 & 0xc0) == 0x80)) {
      return true;
    }
    return isV4Mapped(b) && isPrivateV4(b[12] & 0xff, b[13] & 0xff);
  }

  private static boolean isPrivateV4(int b0, int b1) {
    return b0 == 0
        || b0 == 10
        || b0 == 127
        || (b0 == 169 && b1 == 254)
        || (b0 == 172 && (b1 & 0xf0) == 16)
        || (b0 == 192 && b1 == 168);
  }

  private static boolean isV4Mapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }
}
