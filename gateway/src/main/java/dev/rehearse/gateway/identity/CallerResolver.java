package dev.rehearse.gateway.identity;

import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.identity.VerifiedToken;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Who is calling: the caller of a verified token ({@link TokenCheck}, through micronaut-security's
 * filter or, for forwarded requests, {@link BearerCheck}). Nothing else identifies a caller:
 * identity headers from outside are dropped, never read.
 */
@Singleton
public class CallerResolver {
  public Optional<Caller> resolve(HttpRequest<?> request) {
    return TokenCheck.of(request).map(VerifiedToken::caller);
  }
}
