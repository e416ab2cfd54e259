package dev.rehearse.gateway.identity;

import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Who is calling: the subject of a valid token (its signature, issuer and expiry already checked by
 * micronaut-security's filter, or for forwarded requests by {@link BearerCheck}). Nothing else
 * identifies a caller: identity headers from outside are dropped, never read.
 */
@Singleton
public class CallerResolver {
  private final RoleChanges roleChanges;

  public CallerResolver(RoleChanges roleChanges) {
    this.roleChanges = roleChanges;
  }

  public Optional<Caller> resolve(HttpRequest<?> request) {
    return request
        .getUserPrincipal(Authentication.class)
        .map(
            who -> {
              if (roleChanges.outdated(who.getName(), issuedAt(who))) {
                throw new ProblemException(
                    HttpStatus.UNAUTHORIZED,
                    "Authorization",
                    "your role changed after you signed in: sign in again");
              }
              return new Caller(who.getName(), roleOf(who));
            });
  }

  /**
   * The token's {@code iat}; a token without one counts as issued at the epoch (so any role change
   * outdates it).
   */
  private static Instant issuedAt(Authentication authentication) {
    Object iat = authentication.getAttributes().get("iat");
    return iat instanceof Date d
        ? d.toInstant()
        : iat instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : Instant.EPOCH;
  }

  /** The highest of the token's roles (a plain loop: this runs for every request). */
  private static Role roleOf(Authentication authentication) {
    Role highest = Role.CANDIDATE;
    for (String name : authentication.getRoles()) {
      Role role = Role.valueOf(name);
      if (role.compareTo(highest) > 0) {
        highest = role;
      }
    }
    return highest;
  }
}
