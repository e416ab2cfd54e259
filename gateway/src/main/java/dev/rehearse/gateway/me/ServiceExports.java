package dev.rehearse.gateway.me;

import dev.rehearse.gateway.routing.Balancer;
import dev.rehearse.gateway.routing.RouteTable;
import dev.rehearse.gateway.routing.ServiceRoute;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks every service for its part of an export ({@code GET /api/personal-data}, platform's
 * PersonalDataController) with the caller's own token, which each service verifies. That path is on
 * no public route: only this reaches it.
 */
@Singleton
public class ServiceExports {
  static final String PATH = "/api/personal-data";
  private static final Argument<Map<String, Object>> EXPORT =
      Argument.mapOf(String.class, Object.class);
  private final List<ServiceRoute> services;
  private final HttpClient client;
  private final Balancer balancer;

  public ServiceExports(
      RouteTable routes,
      @Value("${rehearse.gateway.export-services}") List<String> names,
      HttpClient client,
      Balancer balancer) {
    this.services = names.stream().map(routes::service).toList();
    this.client = client;
    this.balancer = balancer;
  }

  /** Every service's sections by service name, or the first service that could not answer. */
  public Gathered gather(HttpRequest<?> request) {
    String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    Map<String, Object> sections = new LinkedHashMap<>();
    for (ServiceRoute service : services) {
      try {
        Map<String, Object> part =
            balancer
                .call(
                    service,
                    true,
                    base ->
                        client.retrieve(
                            HttpRequest.GET(base.resolve(PATH))
                                .header(HttpHeaders.AUTHORIZATION, authorization),
                            EXPORT))
                .block();
        sections.put(service.name(), part.get("sections"));
      } catch (RuntimeException e) {
        return new Gathered(Map.of(), service, e);
      }
    }
    return new Gathered(sections, null, null);
  }

  /** What was gathered; {@code unavailable} names the service that failed, if one did. */
  public record Gathered(
      Map<String, Object> sections,
      @Nullable ServiceRoute unavailable,
      @Nullable Throwable cause) {}
}
