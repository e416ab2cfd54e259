package dev.rehearse.gateway.identity;

import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Date;
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
  private final RoleChanges roleChanges;

  public CallerResolver(@Value("${rehearse.gateway.auth.required:true}") boolean required, RoleChanges roleChanges) {
    this.required = required;
    this.roleChanges = roleChanges;
  }

  public boolean authRequired() {
    return required;
  }

  public Optional<Caller> resolve(HttpRequest<?> request) {
    Optional<Authentication> token = request.getUserPrincipal(Authentication.class);
    if (token.isPresent()) {
      Authentication who = token.get();
      if (roleChanges.outdated(who.getName(), issuedAt(who))) {
        throw new ProblemException(HttpStatus.UNAUTHORIZED, "Authorization", "your role changed after you signed in: sign in again");
      }
      return Optional.of(new Caller(who.getName(), roleOf(who)));
    }
    if (required) {
      return Optional.empty();
    }
    return request.getHeaders().findFirst(Caller.CANDIDATE_HEADER)
        .map(String::trim)
        .filter(id -> !id.isEmpty() && id.length() <= 100)
        .map(id -> new Caller(id, Role.CANDIDATE));
  }

  /** The token's {@code iat}; a token without one counts as issued at the epoch (so any role change outdates it). */
  private static Instant issuedAt(Authentication authentication) {
    Object iat = authentication.getAttributes().get("iat");
    return iat instanceof Date d ? d.toInstant() : iat instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : Instant.EPOCH;
  }

  private static Role roleOf(Authentication authentication) {
    return authentication.getRoles().stream()
        .map(Role::valueOf)
        .max(Enum::compareTo)
        .orElse(Role.CANDIDATE);
  }
}
