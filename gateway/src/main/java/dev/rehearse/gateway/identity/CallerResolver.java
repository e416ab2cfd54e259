package dev.rehearse.gateway.identity;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Who is calling: the subject of a valid token (its signature, issuer and expiry already checked by
 * micronaut-security's filter, or for forwarded requests by {@link BearerCheck}). Nothing else
 * identifies a caller: identity headers from outside are dropped, never read.
 */
@Singleton
public class CallerResolver {
  public Optional<Caller> resolve(HttpRequest<?> request) {
    return request
        .getUserPrincipal(Authentication.class)
        .map(who -> new Caller(who.getName(), roleOf(who)));
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
