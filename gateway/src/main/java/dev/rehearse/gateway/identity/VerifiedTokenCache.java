package dev.rehearse.gateway.identity;

import com.nimbusds.jwt.JWT;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * A browser sends the same token with every request for an hour; verifying its signature and claims
 * once is enough. Asked before the JWT validator (highest precedence), this answers from memory for
 * a token already verified and not yet expired, else lets the JWT validator verify it and remembers
 * the result. Rejected tokens are never remembered.
 */
@Singleton
public class VerifiedTokenCache implements TokenValidator<HttpRequest<?>> {
  private static final int MAX_ENTRIES = 10_000;

  private record Verified(Authentication authentication, Instant expiresAt) {}

  private final ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> jwt;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  public VerifiedTokenCache(ReactiveJsonWebTokenValidator<JWT, HttpRequest<?>> jwt) {
    this.jwt = jwt;
  }

  @Override
  public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
    Verified known = verified.get(token);
    if (known != null) {
      if (known.expiresAt().isAfter(Instant.now())) {
        return Mono.just(known.authentication());
      }
      verified.remove(token);
    }
    return Mono.from(jwt.validateToken(token, request)).doOnNext(a -> remember(token, a));
  }

  private void remember(String token, Authentication authentication) {
    Object exp = authentication.getAttributes().get("exp");
    Instant expiresAt =
        exp instanceof Date d
            ? d.toInstant()
            : exp instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : null;
    if (expiresAt == null) {
      return; // without a known expiry, verify every time
    }
    if (verified.size() >= MAX_ENTRIES) {
      verified.clear(); // crude but bounded: the next requests verify again
    }
    verified.put(token, new Verified(authentication, expiresAt));
  }

  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE;
  }
}
