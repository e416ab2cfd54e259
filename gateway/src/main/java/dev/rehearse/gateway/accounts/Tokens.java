package dev.rehearse.gateway.accounts;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.AccessTokenConfiguration;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * Signs access tokens (HS256). Claims: {@code sub} = account id (the candidate id services see),
 * {@code roles} = [CANDIDATE | COACH | ADMIN], {@code email}, {@code name}, {@code iss} = gateway,
 * {@code iat}, {@code nbf}, {@code exp}.
 */
@Singleton
public class Tokens {
  private final TokenGenerator generator;
  private final int lifetimeSeconds;

  public Tokens(TokenGenerator generator, AccessTokenConfiguration config) {
    this.generator = generator;
    this.lifetimeSeconds = config.getExpiration();
  }

  SignedIn issue(UserAccount account) {
    Authentication who =
        Authentication.build(
            account.id().toString(),
            List.of(account.role().name()),
            Map.of("email", account.email(), "name", account.displayName()));
    String token =
        generator
            .generateToken(who, lifetimeSeconds)
            .orElseThrow(() -> new IllegalStateException("no token generator configured"));
    return new SignedIn(token, "Bearer", lifetimeSeconds, UserView.of(account));
  }
}
