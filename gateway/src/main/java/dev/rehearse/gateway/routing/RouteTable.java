package dev.rehearse.gateway.routing;

import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Maps a public path to the service that owns it; the longest matching prefix wins. */
@Singleton
public class RouteTable {
  private record Entry(String prefix, ServiceRoute service) {}

  private final List<Entry> entries;
  private final List<ServiceRoute> services;

  public RouteTable(List<ServiceRoute> services) {
    this.services = List.copyOf(services);
    this.entries =
        services.stream()
            .flatMap(
                s ->
                    s.paths().stream()
                        .map(
                            p ->
                                new Entry(p.endsWith("/") ? p.substring(0, p.length() - 1) : p, s)))
            .sorted(Comparator.comparingInt((Entry e) -> e.prefix().length()).reversed())
            .toList();
  }

  /**
   * The service owning {@code path} ({@link PathPrefix}); a plain loop, as it runs for every
   * forwarded request.
   */
  public Optional<ServiceRoute> find(String path) {
    for (Entry e : entries) {
      if (PathPrefix.covers(e.prefix(), path)) {
        return Optional.of(e.service());
      }
    }
    return Optional.empty();
  }

  public ServiceRoute service(String name) {
    return services.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("no rehearse.services." + name + " configured"));
  }
}
