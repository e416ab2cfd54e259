package dev.rehearse.gateway.routing;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Swagger UI lists every service's OpenAPI document under the gateway's /openapi, so the whole API
 * is browsable from one origin. Each service serves its own (static, no token needed); a GET for
 * one of the configured file names ({@code rehearse.services.<name>.openapi}) is fetched from its
 * service as a fresh anonymous request: no token or identity goes along. Anything else under
 * /openapi (the gateway's own document, unknown names, other methods) stays with the static
 * resources here.
 */
@Filter("/openapi/**")
public class OpenApiDocuments implements HttpServerFilter {
  private static final String PREFIX = "/openapi/";
  private final ProxyHttpClient client;
  private final Balancer balancer;
  private final Map<String, ServiceRoute> byPath;

  public OpenApiDocuments(List<ServiceRoute> services, ProxyHttpClient client, Balancer balancer) {
    this.client = client;
    this.balancer = balancer;
    this.byPath =
        services.stream()
            .filter(s -> s.openapi() != null && !s.openapi().isBlank())
            .collect(Collectors.toUnmodifiableMap(s -> PREFIX + s.openapi(), Function.identity()));
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.RENDERING.after();
  }

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(
      HttpRequest<?> request, ServerFilterChain chain) {
    ServiceRoute service =
        request.getMethod() == HttpMethod.GET ? byPath.get(request.getPath()) : null;
    if (service == null) {
      return chain.proceed(request);
    }
    return balancer
        .call(service, true, base -> client.proxy(HttpRequest.GET(base.resolve(request.getPath()))))
        .onErrorResume(e -> Mono.just(Unavailable.response(service, request, e)));
  }
}
