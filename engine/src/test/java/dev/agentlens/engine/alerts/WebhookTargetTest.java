package dev.agentlens.engine.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which channels are webhook URLs, and which addresses the SSRF check refuses (literals only). */
class WebhookTargetTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.0.0.0",
        "0.1.2.3",
        "10.0.0.1",
        "10.255.255.255",
        "127.0.0.1",
        "127.8.9.10",
        "169.254.169.254",
        "172.16.0.1",
        "172.31.255.254",
        "192.168.1.1",
        "224.0.0.1",
        "::",
        "::1",
        "fc00::1",
        "fd12:3456:789a::1",
        "fe80::1",
        "febf::1",
        "fec0::1",
        "::ffff:127.0.0.1",
        "::ffff:10.1.2.3"
      })
  void refusesPrivateLoopbackLinkLocalAndUnspecifiedAddresses(String literal) throws Exception {
    assertThat(WebhookTarget.isPrivate(address(literal))).as(literal).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "8.8.8.8",
        "1.1.1.1",
        "9.255.255.255",
        "11.0.0.1",
        "172.15.255.255",
        "172.32.0.1",
        "192.167.1.1",
        "192.169.0.1",
        "169.253.1.1",
        "128.0.0.1",
        "2606:4700:4700::1111",
        "2001:4860:4860::8888",
        "::ffff:8.8.8.8"
      })
  void allowsPublicAddresses(String literal) throws Exception {
    assertThat(WebhookTarget.isPrivate(address(literal))).as(literal).isFalse();
  }

  @Test
  void parsesHttpAndHttpsUrlsOnly() {
    assertThat(WebhookTarget.parse("https://hooks.example.com/services/T0/B0?x=1"))
        .contains(new WebhookTarget(true, "hooks.example.com", 443, "/services/T0/B0?x=1"));
    assertThat(WebhookTarget.parse("HTTP://example.com"))
        .contains(new WebhookTarget(false, "example.com", 80, "/"));
    assertThat(WebhookTarget.parse("http://[::1]:8080/a%20b"))
        .contains(new WebhookTarget(false, "[::1]", 8080, "/a%20b"));
    assertThat(WebhookTarget.parse("http://[::1]:8080/x").orElseThrow().resolvableHost())
        .isEqualTo("::1");
    for (String notAWebhook :
        new String[] {"ops-team", "mailto:ops@example.com", "ftp://example.com/x", "http:/x", ""}) {
      assertThat(WebhookTarget.parse(notAWebhook)).as(notAWebhook).isEqualTo(Optional.empty());
    }
  }

  @Test
  void theOriginLeavesOutPathAndQuery() {
    assertThat(
            WebhookTarget.parse("https://user:pw@example.com/secret?token=x")
                .orElseThrow()
                .origin())
        .isEqualTo("https://example.com:443");
  }

  private static InetAddress address(String literal) throws UnknownHostException {
    return InetAddress.getByName(literal);
  }
}
