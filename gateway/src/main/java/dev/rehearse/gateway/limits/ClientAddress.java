package dev.rehearse.gateway.limits;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import jakarta.inject.Singleton;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * The client address every limit keys on. Behind a reverse proxy each request's peer is the proxy,
 * so the client comes from {@code X-Forwarded-For}, but only when the peer is listed in {@code
 * rehearse.gateway.trusted-proxies}: anyone can send that header. Each proxy appends the address it
 * saw, so the header is read from the right and the first address that is not a trusted proxy is
 * the client; whatever stands left of it was written by the client and could be anything.
 *
 * <p>An IPv6 client is keyed by its /64, the block one subscriber usually holds: a limit on single
 * IPv6 addresses would be sidestepped by changing the last bits.
 */
@Singleton
public class ClientAddress {
  static final String FORWARDED_FOR = "X-Forwarded-For";
  private final List<IpSubnetFilterRule> trusted;

  public ClientAddress(@Value("${rehearse.gateway.trusted-proxies:}") List<String> trustedProxies) {
    this.trusted =
        trustedProxies.stream()
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(ClientAddress::rule)
            .toList();
  }

  public String of(HttpRequest<?> request) {
    return of(request.getRemoteAddress().getAddress(), request.getHeaders().getAll(FORWARDED_FOR));
  }

  /** The key for a request from {@code peer} carrying these {@code X-Forwarded-For} values. */
  String of(InetAddress peer, List<String> forwardedFor) {
    InetAddress client = peer;
    if (isTrusted(client)) {
      String[] hops = String.join(",", forwardedFor).split(",");
      for (int i = hops.length - 1; i >= 0; i--) {
        InetAddress hop = parse(hops[i]);
        if (hop == null) {
          break; // not an address: the trusted proxy that passed it on stands for the client
        }
        client = hop;
        if (!isTrusted(hop)) {
          break;
        }
      }
    }
    return key(client);
  }

  private boolean isTrusted(InetAddress address) {
    InetSocketAddress socket = new InetSocketAddress(address, 0);
    for (IpSubnetFilterRule rule : trusted) {
      if (rule.matches(socket)) {
        return true;
      }
    }
    return false;
  }

  private static String key(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address.getHostAddress();
    }
    byte[] network = Arrays.copyOf(address.getAddress(), 16);
    Arrays.fill(network, 8, 16, (byte) 0);
    try {
      return NetUtil.toAddressString(InetAddress.getByAddress(network)) + "/64";
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // 16 bytes are always an address
    }
  }

  /** An IP literal (IPv6 possibly in brackets), never a name: nothing here may look up DNS. */
  private static @Nullable InetAddress parse(String text) {
    String s = text.trim();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    return NetUtil.createInetAddressFromIpAddressString(s);
  }

  /** An address ("10.1.2.3", "::1") or a CIDR block ("10.0.0.0/8", "fd00::/8"). */
  private static IpSubnetFilterRule rule(String entry) {
    int slash = entry.indexOf('/');
    InetAddress address = parse(slash < 0 ? entry : entry.substring(0, slash));
    if (address == null) {
      throw invalid(entry);
    }
    int bits = address instanceof Inet6Address ? 128 : 32;
    int prefix;
    try {
      prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw invalid(entry);
    }
    if (prefix < 0 || prefix > bits) {
      throw invalid(entry);
    }
    return new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT);
  }

  private static IllegalArgumentException invalid(String entry) {
    return new IllegalArgumentException(
        "rehearse.gateway.trusted-proxies: '"
            + entry
            + "' is not an IP address or CIDR block (such as 10.0.0.0/8 or fd00::/8)");
  }
}
