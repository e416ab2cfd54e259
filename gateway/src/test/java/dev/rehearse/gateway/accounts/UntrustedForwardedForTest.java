package dev.rehearse.gateway.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.gateway.GatewayTestBase;
import dev.rehearse.gateway.identity.Role;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With no trusted proxy (the default) X-Forwarded-For is the client's own word and ignored. */
@MicronautTest
class UntrustedForwardedForTest extends GatewayTestBase {
  @Inject Accounts accounts;

  @Override
  protected Map<String, String> extraProperties() {
    return Map.of(
        "rehearse.gateway.auth.bcrypt-cost", "4",
        "rehearse.gateway.auth.failures.per-address.burst", "3",
        "rehearse.gateway.auth.failures.per-address.per-hour", "3",
        "rehearse.gateway.auth.sign-ups-per-hour-per-address", "2");
  }

  @Test
  void aChangingForwardedForDoesNotEscapeTheAddressLimits() {
    for (int i = 1; i <= 2; i++) {
      http.toBlocking().exchange(registration("198.51.100." + i));
    }
    assertProblem(registration("198.51.100.3"), 429);

    // an account that never signed in from here, so this address is not a usual one for it
    String email = "elsewhere-" + UUID.randomUUID() + "@rehearse.test";
    accounts.create(email, "correct horse battery", "Elsewhere", Role.CANDIDATE).orElseThrow();
    for (int i = 1; i <= 3; i++) {
      assertProblem(login("nobody@rehearse.test", "guess " + i, "203.0.113." + i), 401);
    }
    assertThat(assertProblem(login(email, "correct horse battery", "203.0.113.9"), 401))
        .contains(Accounts.WRONG);
  }

  private static HttpRequest<?> registration(String forwardedFor) {
    return HttpRequest.POST(
            "/api/auth/register",
            Map.of(
                "email",
                UUID.randomUUID() + "@rehearse.test",
                "password",
                "correct horse battery",
                "displayName",
                "Someone"))
        .header("X-Forwarded-For", forwardedFor);
  }

  private static HttpRequest<?> login(String email, String password, String forwardedFor) {
    return HttpRequest.POST("/api/auth/login", Map.of("email", email, "password", password))
        .header("X-Forwarded-For", forwardedFor);
  }
}
