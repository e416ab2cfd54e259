package dev.rehearse.gateway.accounts;

import static dev.rehearse.gateway.accounts.SignInRequests.PASSWORD;
import static dev.rehearse.gateway.accounts.SignInRequests.login;
import static dev.rehearse.gateway.accounts.SignInRequests.newEmail;
import static dev.rehearse.gateway.accounts.SignInRequests.registration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.gateway.GatewayTestBase;
import dev.rehearse.platform.identity.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
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
      http.toBlocking().exchange(registration(newEmail(), "198.51.100." + i));
    }
    assertProblem(registration(newEmail(), "198.51.100.3"), 429);

    // an account that never signed in from here, so this address is not a usual one for it
    String email = newEmail();
    accounts.create(email, PASSWORD, "Elsewhere", Role.CANDIDATE).orElseThrow();
    for (int i = 1; i <= 3; i++) {
      assertProblem(login("nobody@rehearse.test", "guess " + i, "203.0.113." + i), 401);
    }
    assertThat(assertProblem(login(email, PASSWORD, "203.0.113.9"), 401)).contains(Accounts.WRONG);
  }
}
