package dev.rehearse.gateway.identity;

import dev.rehearse.gateway.routing.PathPrefix;
import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.identity.Role;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

/**
 * Coarse, path-level rules the gateway applies before forwarding: a token for everything, an admin
 * for /api/admin, a coach or admin for /api/coach. Object-level rules (whose attempt is this) stay
 * with the services that own the objects, which receive the verified identity.
 */
@Singleton
public class AccessPolicy {
  private final CallerResolver callers;

  public AccessPolicy(CallerResolver callers) {
    this.callers = callers;
  }

  /** The caller allowed to use {@code request}; throws a 401 or 403 problem otherwise. */
  public Caller require(HttpRequest<?> request) {
    Caller caller =
        callers
            .resolve(request)
            .orElseThrow(
                () ->
                    new ProblemException(
                        HttpStatus.UNAUTHORIZED,
                        null,
                        request
                            .getAttribute(TokenCheck.REFUSED, String.class)
                            .orElse("sign in first: send Authorization: Bearer <token>")));
    String path = request.getPath();
    if (PathPrefix.covers("/api/admin", path) && !caller.is(Role.ADMIN)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, null, "only admins may use " + path);
    }
    if (PathPrefix.covers("/api/coach", path) && !caller.isStaff()) {
      throw new ProblemException(HttpStatus.FORBIDDEN, null, "only coaches may use " + path);
    }
    return caller;
  }
}
