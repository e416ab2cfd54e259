package dev.rehearse.platform.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.rehearse.platform.problem.ProblemBodyProvider;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.reactivestreams.Publisher;

/**
 * Every service checks the gateway's token itself rather than trusting identity headers from the
 * network: the request must carry a valid HS256 token (issuer {@code gateway}), and the identity
 * headers the gateway derived from it ({@code X-Candidate-Id} = subject, {@code X-User-Role} =
 * highest role) must agree with it, so a forged header is refused. Without a token the request is
 * refused, unless {@code rehearse.auth.required=false} (local scripts, component tests) or it is a
 * GET of public content listed in {@code rehearse.auth.anonymous-get-paths}. The gateway has its
 * own security stack and does not load this filter.
 */
@Filter("/api/**")
@Requires(missingClasses = "io.micronaut.security.filters.SecurityFilter")
public class ServiceTokenFilter implements HttpServerFilter {
  public static final String CANDIDATE_HEADER = IdentityHeaders.CANDIDATE;
  public static final String ROLE_HEADER = IdentityHeaders.ROLE;
  private static final List<String> ROLES_BY_RANK = List.of("CANDIDATE", "COACH", "ADMIN");

  private final MACVerifier verifier;
  private final boolean required;
  private final List<String> anonymousGetPaths;
  private final ErrorResponseProcessor<?> errors;

  public ServiceTokenFilter(
      @Value("${rehearse.auth.jwt-secret:}") String secret,
      @Value("${rehearse.auth.required:true}") boolean required,
      @Value("${rehearse.auth.anonymous-get-paths:}") List<String> anonymousGetPaths,
      ErrorResponseProcessor<?> errors)
      throws JOSEException {
    // without checking (component tests of one service) a key is optional, and any token is refused
    this.verifier =
        required || !secret.isEmpty() ? new MACVerifier(SigningSecret.require(secret)) : null;
    this.required = required;
    this.anonymousGetPaths = anonymousGetPaths;
    this.errors = errors;
  }

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(
      HttpRequest<?> request, ServerFilterChain chain) {
    String authorization = request.getHeaders().getAuthorization().orElse(null);
    if (authorization == null) {
      return required && !isPublic(request)
          ? refuse(request, "a bearer token from the gateway is required")
          : chain.proceed(request);
    }
    if (!authorization.startsWith("Bearer ")) {
      return refuse(request, "only bearer tokens are accepted");
    }
    try {
      JWTClaimsSet claims = verified(authorization.substring("Bearer ".length()).trim());
      if (!matches(request, CANDIDATE_HEADER, claims.getSubject())
          || !matches(request, ROLE_HEADER, highestRole(claims))) {
        return refuse(request, "the identity headers do not match the token");
      }
      request.setAttribute(IdentityHeaders.NAME_ATTRIBUTE, nameOf(claims));
      return chain.proceed(request);
    } catch (ProblemException e) {
      return refuse(request, e.getMessage());
    }
  }

  /**
   * An anonymous read claims no identity: a role header without a token is refused, not passed on,
   * since endpoints show more (answer keys) to a COACH or ADMIN.
   */
  private boolean isPublic(HttpRequest<?> request) {
    String path = request.getPath();
    return request.getMethod() == io.micronaut.http.HttpMethod.GET
        && request.getHeaders().get(CANDIDATE_HEADER) == null
        && request.getHeaders().get(ROLE_HEADER) == null
        && anonymousGetPaths.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
  }

  /**
   * The gateway sends both identity headers with every token and they must say what the token says.
   * A missing header is refused too: endpoints read "no identity headers" as the trusted local
   * mode.
   */
  private static boolean matches(HttpRequest<?> request, String header, String expected) {
    return request.getHeaders().findFirst(header).map(expected::equals).orElse(false);
  }

  private static String nameOf(JWTClaimsSet claims) {
    Object name = claims.getClaim("name");
    return name instanceof String s && !s.isBlank() ? s : "";
  }

  private JWTClaimsSet verified(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (verifier == null || !jwt.verify(verifier)) {
        throw ProblemException.badRequest("Authorization", "the token's signature is not valid");
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date expiry = claims.getExpirationTime();
      if (expiry == null || expiry.toInstant().isBefore(Instant.now())) {
        throw ProblemException.badRequest("Authorization", "the token has expired");
      }
      if (!"gateway".equals(claims.getIssuer()) || claims.getSubject() == null) {
        throw ProblemException.badRequest(
            "Authorization", "the token was not issued by the gateway");
      }
      return claims;
    } catch (ParseException | JOSEException e) {
      throw ProblemException.badRequest("Authorization", "the token cannot be read");
    }
  }

  private static String highestRole(JWTClaimsSet claims) {
    try {
      List<String> roles = claims.getStringListClaim("roles");
      return roles == null
          ? "CANDIDATE"
          : roles.stream()
              .filter(ROLES_BY_RANK::contains)
              .max((a, b) -> ROLES_BY_RANK.indexOf(a) - ROLES_BY_RANK.indexOf(b))
              .orElse("CANDIDATE");
    } catch (ParseException e) {
      return "CANDIDATE";
    }
  }

  private Publisher<MutableHttpResponse<?>> refuse(HttpRequest<?> request, String why) {
    ErrorContext context =
        ErrorContext.builder(request)
            .error(new ProblemBodyProvider.FieldAwareError("Authorization", why))
            .build();
    return Publishers.just(
        errors.processResponse(
            context, io.micronaut.http.HttpResponse.status(HttpStatus.UNAUTHORIZED)));
  }
}
