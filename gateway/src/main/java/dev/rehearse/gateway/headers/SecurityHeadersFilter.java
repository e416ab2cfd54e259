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
  /**
   * Swagger UI's bundle (a third-party script we do not change) injects {@code <style>} elements and
   * style attributes at run time; under the default policy the browser refuses them and the console
   * fills with violations. Inline styles are allowed for its pages only, and only styles: scripts stay
   * {@code 'self'}, and the web app itself keeps the strict policy.
   */
  static final String SWAGGER_UI = "/swagger-ui/";
  static final String SWAGGER_UI_STYLES = "; style-src 'self' 'unsafe-inline'";
  private final String contentSecurityPolicy;
  private final String swaggerUiPolicy;

  public SecurityHeadersFilter(@Value("${rehearse.gateway.headers.content-security-policy}") String contentSecurityPolicy) {
    this.contentSecurityPolicy = contentSecurityPolicy;
    this.swaggerUiPolicy = contentSecurityPolicy + SWAGGER_UI_STYLES;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.after();
  }

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
    String path = request.getPath();
    boolean api = path.startsWith("/api/");
    String policy = path.startsWith(SWAGGER_UI) ? swaggerUiPolicy : contentSecurityPolicy;
    return Publishers.map(chain.proceed(request), response -> {
      response.header("X-Content-Type-Options", "nosniff")
          .header("X-Frame-Options", "DENY")
          .header("Referrer-Policy", "no-referrer")
          .header("Cross-Origin-Opener-Policy", "same-origin")
          .header("Permissions-Policy", "microphone=(self), camera=(), geolocation=()")
          .header("Content-Security-Policy", policy);
      if (api && !response.getHeaders().contains("Cache-Control")) {
        response.header("Cache-Control", "no-store");
      }
      return response;
    });
  }
}
