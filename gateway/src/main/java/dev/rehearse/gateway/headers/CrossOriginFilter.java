package dev.rehearse.gateway.headers;

import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.List;
import java.util.Optional;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * CORS for /api, deliberately narrow: only the configured origins, the methods the API uses, the
 * headers it reads, no credentials (tokens go in Authorization, never cookies). Written here
 * because Micronaut's CORS filter answers preflights only for its own routes, not proxied ones.
 * Requests from other origins are not blocked (same-origin POSTs carry Origin too); their
 * answers just lack the headers a browser needs to let a foreign page read them.
 */
@Filter("/api/**")
public class CrossOriginFilter implements HttpServerFilter {
  static final String METHODS = "GET, POST, PUT, PATCH, DELETE";
  static final String HEADERS = "Authorization, Content-Type, Last-Event-ID";
  static final String EXPOSED = "Location, Retry-After";
  private final List<String> allowedOrigins;

  public CrossOriginFilter(@Value("${rehearse.gateway.cors.allowed-origins}") List<String> allowedOrigins) {
    this.allowedOrigins = allowedOrigins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.after() + 1;
  }

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
    Optional<String> origin = request.getHeaders().getOrigin().filter(allowedOrigins::contains);
    boolean preflight = request.getMethod() == HttpMethod.OPTIONS
        && request.getHeaders().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
    if (preflight) {
      return origin.<Publisher<MutableHttpResponse<?>>>map(o -> Mono.just(HttpResponse.noContent()
              .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, o)
              .header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, METHODS)
              .header(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, HEADERS)
              .header(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "3600")
              .header(HttpHeaders.VARY, HttpHeaders.ORIGIN)))
          .orElseGet(() -> Mono.error(new ProblemException(HttpStatus.FORBIDDEN, null, "this origin may not call the API")));
    }
    if (origin.isEmpty()) {
      return chain.proceed(request);
    }
    return Publishers.map(chain.proceed(request), response -> response
        .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin.get())
        .header(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED)
        .header(HttpHeaders.VARY, HttpHeaders.ORIGIN));
  }
}
