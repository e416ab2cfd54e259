package dev.rehearse.gateway.headers;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Headers every answer carries, set here once: no MIME sniffing, no framing, no referrer leaks, a
 * same-origin content policy for the web app, the microphone for this origin only, and API answers
 * (personal data, tokens) never cached. TLS, and so HSTS, is the front proxy's business. A plain
 * response filter method: no publisher to build per request (it is on every proxied request's
 * path).
 */
@ServerFilter(Filter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter implements Ordered {
  /**
   * Swagger UI's bundle (a third-party script we do not change) injects {@code <style>} elements
   * and style attributes at run time; under the default policy the browser refuses them and the
   * console fills with violations. Inline styles are allowed for its pages only, and only styles:
   * scripts stay {@code 'self'}, and the web app itself keeps the strict policy.
   */
  static final String SWAGGER_UI = "/swagger-ui/";

  static final String SWAGGER_UI_STYLES = "; style-src 'self' 'unsafe-inline'";
  private final String contentSecurityPolicy;
  private final String swaggerUiPolicy;

  public SecurityHeadersFilter(
      @Value("${rehearse.gateway.headers.content-security-policy}") String contentSecurityPolicy) {
    this.contentSecurityPolicy = contentSecurityPolicy;
    this.swaggerUiPolicy = contentSecurityPolicy + SWAGGER_UI_STYLES;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.after();
  }

  @ResponseFilter
  public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
    String path = request.getPath();
    MutableHttpHeaders headers = response.getHeaders();
    headers
        .set("X-Content-Type-Options", "nosniff")
        .set("X-Frame-Options", "DENY")
        .set("Referrer-Policy", "no-referrer")
        .set("Cross-Origin-Opener-Policy", "same-origin")
        .set("Permissions-Policy", "microphone=(self), camera=(), geolocation=()")
        .set(
            "Content-Security-Policy",
            path.startsWith(SWAGGER_UI) ? swaggerUiPolicy : contentSecurityPolicy);
    if (path.startsWith("/api/") && !headers.contains("Cache-Control")) {
      headers.set("Cache-Control", "no-store");
    }
  }
}
