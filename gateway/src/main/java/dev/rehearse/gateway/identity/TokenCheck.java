package dev.rehearse.gateway.identity;

import dev.rehearse.platform.identity.TokenVerifier;
import dev.rehearse.platform.identity.VerifiedToken;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * micronaut-security's token check, done by the platform {@link TokenVerifier} (ES256 with the
 * gateway's own public keys, its cache, the deny list), so the gateway accepts exactly what the
 * services accept. The answer is always immediate, which keeps {@link BearerCheck} on its fast
 * path. A refused token leaves the request anonymous and the reason on it for {@link AccessPolicy}.
 */
@Singleton
public class TokenCheck implements TokenValidator<HttpRequest<?>> {
  static final String TOKEN = "rehearse.token";
  static final String REFUSED = "rehearse.token-refused";
  private final TokenVerifier verifier;

  public TokenCheck(TokenVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
    try {
      VerifiedToken verified = verifier.verifyToken(token);
      return Mono.just(
          Authentication.build(
              verified.caller().id(),
              List.of(verified.caller().role().name()),
              Map.of(TOKEN, verified)));
    } catch (ProblemException refused) {
      if (request != null) {
        request.setAttribute(REFUSED, refused.getMessage());
      }
      return Mono.empty();
    }
  }

  /** The verified token of an authenticated request. */
  public static Optional<VerifiedToken> of(HttpRequest<?> request) {
    return request
        .getUserPrincipal(Authentication.class)
        .map(a -> a.getAttributes().get(TOKEN))
        .filter(VerifiedToken.class::isInstance)
        .map(VerifiedToken.class::cast);
  }
}
