package dev.rehearse.gateway.identity;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Who is calling: the subject of a valid token (its signature, issuer and expiry already checked by
 * micronaut-security's filter, or for forwarded requests by {@link BearerCheck}). With
 * {@code rehearse.gateway.auth.required=false} a caller without a token may still name themselves in
 * X-Candidate-Id, as in the foundation.
 */
@Singleton
public class CallerResolver {
  private final boolean required;

  public CallerResolver(@Value("${rehearse.gateway.auth.required:true}") boolean required) {
    this.required = required;
  }

  public boolean authRequired() {
    return required;
  }

  public Optional<Caller> resolve(HttpRequest<?> request) {
    Optional<Authentication> token = request.getUserPrincipal(Authentication.class);
    if (token.isPresent()) {
      return Optional.of(new Caller(token.get().getName(), roleOf(token.get())));
    }
    if (required) {
      return Optional.empty();
    }
    return request.getHeaders().findFirst(Caller.CANDIDATE_HEADER)
        .map(String::trim)
        .filter(id -> !id.isEmpty() && id.length() <= 100)
        .map(id -> new Caller(id, Role.CANDIDATE));
  }

  private static Role roleOf(Authentication authentication) {
    return authentication.getRoles().stream()
        .map(Role::valueOf)
        .max(Enum::compareTo)
        .orElse(Role.CANDIDATE);
  }
}
