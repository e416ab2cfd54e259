package dev.rehearse.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
  private final ClientAddress behindProxies =
      new ClientAddress(List.of("10.0.0.0/8", " 192.168.1.7 ", "fd00::/8", "::1"));
  private final ClientAddress direct = new ClientAddress(List.of());

  @Test
  void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeaderSays() {
    assertThat(direct.of(ip("203.0.113.9"), List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
    assertThat(direct.of(ip("10.1.2.3"), List.of("198.51.100.1"))).isEqualTo("10.1.2.3");
  }

  @Test
  void aSpoofedHeaderFromAnUntrustedPeerIsIgnored() {
    assertThat(behindProxies.of(ip("203.0.113.9"), List.of("198.51.100.1, 10.0.0.1")))
        .isEqualTo("203.0.113.9");
    assertThat(behindProxies.of(ip("192.168.1.8"), List.of("198.51.100.1")))
        .isEqualTo("192.168.1.8"); // a plain address trusts that one address only
  }

  @Test
  void fromATrustedProxyTheRightMostUntrustedAddressIsTheClient() {
    assertThat(behindProxies.of(ip("10.9.8.7"), List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
    assertThat(behindProxies.of(ip("192.168.1.7"), List.of("198.51.100.1")))
        .isEqualTo("198.51.100.1");
    // the client wrote the left-most one itself; proxies appended the rest
    assertThat(
            behindProxies.of(
                ip("10.0.0.2"), List.of("1.2.3.4, 198.51.100.1, 10.0.0.1", "192.168.1.7")))
        .isEqualTo("198.51.100.1");
  }

  @Test
  void aRequestThatNeverLeftTrustedProxiesIsKeyedOnTheLeftMostOne() {
    assertThat(behindProxies.of(ip("10.0.0.2"), List.of("10.0.0.1"))).isEqualTo("10.0.0.1");
    assertThat(behindProxies.of(ip("10.0.0.2"), List.of())).isEqualTo("10.0.0.2");
  }

  @Test
  void somethingThatIsNotAnAddressStopsTheWalkAtTheProxyThatPassedItOn() {
    assertThat(behindProxies.of(ip("10.0.0.2"), List.of("198.51.100.1, evil.example.com")))
        .isEqualTo("10.0.0.2");
    assertThat(behindProxies.of(ip("10.0.0.2"), List.of("198.51.100.1, , 10.0.0.1")))
        .isEqualTo("10.0.0.1");
  }

  @Test
  void ipv6ProxiesAndClientsAreKeyedByTheClientsSlash64() {
    assertThat(behindProxies.of(ip("fd12::1"), List.of("2001:db8:1:2:aaaa::1")))
        .isEqualTo("2001:db8:1:2::/64");
    assertThat(behindProxies.of(ip("::1"), List.of("[2001:db8:1:2:bbbb::7]")))
        .isEqualTo("2001:db8:1:2::/64");
    assertThat(direct.of(ip("2001:db8:1:2:aaaa::1"), List.of()))
        .isEqualTo(direct.of(ip("2001:db8:1:2:ffff:ffff:ffff:ffff"), List.of()))
        .isNotEqualTo(direct.of(ip("2001:db8:1:3::1"), List.of()));
    // an IPv6 peer outside fd00::/8 is not trusted
    assertThat(behindProxies.of(ip("fe80::1"), List.of("198.51.100.1"))).isEqualTo("fe80::/64");
    // an IPv4 client behind an IPv6 proxy
    assertThat(behindProxies.of(ip("fd00::5"), List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
  }

  @Test
  void entriesThatAreNeitherAddressesNorBlocksStopTheStart() {
    for (String bad :
        List.of("proxy.internal", "10.0.0.0/33", "fd00::/129", "10.0.0.0/x", "10.0.0")) {
      assertThatThrownBy(() -> new ClientAddress(List.of(bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("rehearse.gateway.trusted-proxies")
          .hasMessageContaining(bad);
    }
  }

  private static InetAddress ip(String literal) {
    InetAddress address = NetUtil.createInetAddressFromIpAddressString(literal);
    assertThat(address).as(literal).isNotNull();
    return address;
  }
}
