package dev.rehearse.gateway.headers;

import dev.rehearse.gateway.routing.PathPrefix;
import dev.rehearse.gateway.routing.ProxyFilter;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.List;

/**
 * CORS for /api, deliberately narrow: only the configured origins, the methods the API uses, the
 * headers it reads, no credentials (tokens go in Authorization, never cookies). Written here
 * because Micronaut's CORS filter answers preflights only for its own routes, not proxied ones.
 * Requests from other origins are not blocked (same-origin POSTs carry Origin too); their answers
 * just lack the headers a browser needs to let a foreign page read them. Plain request and response
 * filter methods: no publisher to build per request. Mapped to every path, checking for /api
 * itself, for the reason {@link ProxyFilter} gives.
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
public class CrossOriginFilter implements Ordered {
  static final String METHODS = "GET, POST, PUT, PATCH, DELETE";
  static final String HEADERS = "Authorization, Content-Type, Last-Event-ID";
  static final String EXPOSED = "Location, Retry-After";
  private final List<String> allowedOrigins;

  public CrossOriginFilter(
      @Value("${rehearse.gateway.cors.allowed-origins}") List<String> allowedOrigins) {
    this.allowedOrigins =
        allowedOrigins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.after() + 1;
  }

  /** Answers a preflight itself: allowed for the configured origins, a 403 problem for others. */
  @RequestFilter
  @Nullable
  public HttpResponse<?> preflight(HttpRequest<?> request) {
    if (request.getMethod() != HttpMethod.OPTIONS
        || !request.getHeaders().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD)
        || !PathPrefix.covers(ProxyFilter.API, request.getPath())) {
      return null;
    }
    String origin = allowedOrigin(request);
    if (origin == null) {
      throw new ProblemException(HttpStatus.FORBIDDEN, null, "this origin may not call the API");
    }
    return HttpResponse.noContent()
        .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
        .header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, METHODS)
        .header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, HEADERS)
        .header(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "3600")
        .header(HttpHeaders.VARY, HttpHeaders.ORIGIN);
  }

  @ResponseFilter
  public void allowOrigin(HttpRequest<?> request, MutableHttpResponse<?> response) {
    String origin = allowedOrigin(request);
    if (origin != null) {
      response
          .getHeaders()
          .set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
          .set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED)
          .set(HttpHeaders.VARY, HttpHeaders.ORIGIN);
    }
  }

  /**
   * The request's origin if it is allowed to read this answer: an /api one from a configured
   * origin.
   */
  private @Nullable String allowedOrigin(HttpRequest<?> request) {
    if (!PathPrefix.covers(ProxyFilter.API, request.getPath())) {
      return null;
    }
    String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
    return origin != null && allowedOrigins.contains(origin) ? origin : null;
  }
}
