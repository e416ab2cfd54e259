package dev.rehearse.gateway.headers;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;

/**
 * Headers every answer carries, set here once: no MIME sniffing, no framing, no referrer leaks, a
 * same-origin content policy for the web app, the microphone for this origin only, and API answers
 * (personal data, tokens) never cached. TLS, and so HSTS, is the front proxy's business.
 */
@Filter("/**")
public class SecurityHeadersFilter implements HttpServerFilter {
  private final String contentSecurityPolicy;

  public SecurityHeadersFilter(@Value("${rehearse.gateway.headers.content-security-policy}") String contentSecurityPolicy) {
    this.contentSecurityPolicy = contentSecurityPolicy;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.after();
  }

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
    boolean api = request.getPath().startsWith("/api/");
    return Publishers.map(chain.proceed(request), response -> {
      response.header("X-Content-Type-Options", "nosniff")
          .header("X-Frame-Options", "DENY")
          .header("Referrer-Policy", "no-referrer")
          .header("Cross-Origin-Opener-Policy", "same-origin")
          .header("Permissions-Policy", "microphone=(self), camera=(), geolocation=()")
          .header("Content-Security-Policy", contentSecurityPolicy);
      if (api && !response.getHeaders().contains("Cache-Control")) {
        response.header("Cache-Control", "no-store");
      }
      return response;
    });
  }
}
