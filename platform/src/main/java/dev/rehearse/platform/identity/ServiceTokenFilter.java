package dev.rehearse.platform.identity;

import dev.rehearse.platform.problem.ProblemBodyProvider;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import java.util.List;
import org.reactivestreams.Publisher;

/**
 * Every service checks the gateway's token itself rather than trusting anything else on the
 * network: {@link TokenVerifier} checks it, and the {@link Caller} it names is left on the request
 * for {@link CallerBinder}. Without a token the request is refused, unless it is a GET of public
 * content listed in {@code rehearse.auth.anonymous-get-paths} (then the controller sees no caller).
 * The gateway has its own security stack and does not load this filter.
 */
@Filter("/api/**")
@Requires(missingClasses = "io.micronaut.security.filters.SecurityFilter")
public class ServiceTokenFilter implements HttpServerFilter {
  private final TokenVerifier verifier;
  private final List<String> anonymousGetPaths;
  private final ErrorResponseProcessor<?> errors;

  public ServiceTokenFilter(
      TokenVerifier verifier,
      @Value("${rehearse.auth.anonymous-get-paths:}") List<String> anonymousGetPaths,
      ErrorResponseProcessor<?> errors) {
    this.verifier = verifier;
    // an unset list reads as [""], which would make every GET public
    this.anonymousGetPaths = anonymousGetPaths.stream().filter(p -> !p.isBlank()).toList();
    this.errors = errors;
  }

  /** In the security phase, after the tracing filter: a refusal names its trace id too. */
  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.order();
  }

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(
      HttpRequest<?> request, ServerFilterChain chain) {
    String authorization = request.getHeaders().getAuthorization().orElse(null);
    if (authorization == null) {
      return isPublic(request)
          ? chain.proceed(request)
          : refuse(request, "a bearer token from the gateway is required");
    }
    if (!authorization.startsWith("Bearer ")) {
      return refuse(request, "only bearer tokens are accepted");
    }
    try {
      Caller caller = verifier.verify(authorization.substring("Bearer ".length()).trim());
      request.setAttribute(CallerBinder.ATTRIBUTE, caller);
      return chain.proceed(request);
    } catch (ProblemException e) {
      return refuse(request, e.getMessage());
    }
  }

  private boolean isPublic(HttpRequest<?> request) {
    String path = request.getPath();
    return request.getMethod() == HttpMethod.GET
        && anonymousGetPaths.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
  }

  private Publisher<MutableHttpResponse<?>> refuse(HttpRequest<?> request, String why) {
    ErrorContext context =
        ErrorContext.builder(request)
            .error(new ProblemBodyProvider.FieldAwareError("Authorization", why))
            .build();
    return Publishers.just(
        errors.processResponse(context, HttpResponse.status(HttpStatus.UNAUTHORIZED)));
  }
}
