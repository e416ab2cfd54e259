package dev.rehearse.gateway.routing;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One service's instances: every address its configured URLs' hosts resolve to (docker compose
 * gives one name an address per replica), taken in turn, an address that failed left out for a
 * short back-off. Resolving blocks, so {@link Balancer} does it on a schedule, never per request.
 */
final class Instances {
  private final List<URI> configured;
  private final long backOffNanos;
  private final AtomicInteger turn = new AtomicInteger();
  private final Map<URI, Long> downUntil = new ConcurrentHashMap<>();
  private volatile List<URI> resolved;

  Instances(List<URI> configured, long backOffNanos) {
    this.configured = List.copyOf(configured);
    this.backOffNanos = backOffNanos;
    resolve();
  }

  void resolve() {
    Set<URI> found = new LinkedHashSet<>();
    configured.forEach(url -> found.addAll(addresses(url)));
    resolved = List.copyOf(found);
  }

  int count() {
    return resolved.size();
  }

  /** The next address in turn that is not backing off and not in {@code tried}, if any. */
  URI next(Set<URI> tried) {
    List<URI> live = live();
    for (int i = 0; i < live.size(); i++) {
      URI candidate = live.get(Math.floorMod(turn.getAndIncrement(), live.size()));
      if (!tried.contains(candidate)) {
        return candidate;
      }
    }
    return resolved.stream().filter(u -> !tried.contains(u)).findFirst().orElse(live.get(0));
  }

  /**
   * The live address for {@code key} by rendezvous hashing: stable on every gateway, and when an
   * instance goes only the keys it held move.
   */
  URI pick(String key) {
    URI best = null;
    long bestWeight = Long.MIN_VALUE;
    for (URI candidate : live()) {
      long weight = mix(key.hashCode() * 31L + candidate.toString().hashCode());
      if (best == null || weight > bestWeight) {
        best = candidate;
        bestWeight = weight;
      }
    }
    return best;
  }

  void failed(URI address) {
    downUntil.put(address, System.nanoTime() + backOffNanos);
  }

  void answered(URI address) {
    downUntil.remove(address);
  }

  /** The addresses not backing off; all of them when every one is (one may be back already). */
  private List<URI> live() {
    List<URI> all = resolved;
    long now = System.nanoTime();
    List<URI> up = new ArrayList<>(all.size());
    for (URI candidate : all) {
      Long until = downUntil.get(candidate);
      if (until == null || until - now < 0) {
        up.add(candidate);
      }
    }
    return up.isEmpty() ? all : up;
  }

  /**
   * Every address of the URL's host, IPv4 ones only when there are any (so localhost is not tried
   * twice, as 127.0.0.1 and ::1); the URL as given when the name does not resolve (yet).
   */
  static List<URI> addresses(URI url) {
    try {
      List<InetAddress> all = Arrays.asList(InetAddress.getAllByName(url.getHost()));
      List<InetAddress> v4 = all.stream().filter(Inet4Address.class::isInstance).toList();
      List<URI> out = new ArrayList<>();
      for (InetAddress address : v4.isEmpty() ? all : v4) {
        out.add(
            new URI(
                url.getScheme(),
                url.getUserInfo(),
                address.getHostAddress(),
                url.getPort(),
                url.getPath(),
                null,
                null));
      }
      return out;
    } catch (UnknownHostException | URISyntaxException e) {
      return List.of(url);
    }
  }

  /** SplitMix64's finaliser: spreads nearby hash codes over the whole range. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
