package dev.rehearse.gateway.accounts;

import static dev.rehearse.gateway.accounts.SignInRequests.PASSWORD;
import static dev.rehearse.gateway.accounts.SignInRequests.login;
import static dev.rehearse.gateway.accounts.SignInRequests.newEmail;
import static dev.rehearse.gateway.accounts.SignInRequests.registration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.gateway.GatewayTestBase;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Behind a trusted proxy (the test client, on loopback) each request's client address is the one
 * its X-Forwarded-For names, so one test plays owners and attackers at many addresses.
 */
@MicronautTest
class SignInThrottleTest extends GatewayTestBase {
  @Override
  protected Map<String, String> extraProperties() {
    return Map.of(
        "rehearse.gateway.auth.bcrypt-cost", "4",
        "rehearse.gateway.trusted-proxies", "127.0.0.1,::1",
        "rehearse.gateway.auth.failures.per-account.burst", "3",
        "rehearse.gateway.auth.failures.per-account.per-hour", "6",
        "rehearse.gateway.auth.failures.per-address.burst", "5",
        "rehearse.gateway.auth.failures.per-address.per-hour", "10",
        "rehearse.gateway.auth.failures.per-usual-address.burst", "3",
        "rehearse.gateway.auth.failures.per-usual-address.per-hour", "3",
        "rehearse.gateway.auth.sign-ups-per-hour-per-address", "3");
  }

  @Test
  void wrongPasswordsFromElsewhereNeverStopTheOwnerAtTheUsualAddress() {
    String owner = register("198.51.100.10");
    signIn(owner, PASSWORD, "198.51.100.11"); // a second device, before the attack
    for (int i = 1; i <= 30; i++) {
      refused(owner, "guess number " + i, "203.0.113." + i);
    }
    refused(owner, PASSWORD, "203.0.113.200"); // the email is throttled elsewhere...
    for (int i = 0; i < 5; i++) { // ...but never at its usual addresses
      assertThat(signIn(owner, PASSWORD, "198.51.100.10").user().email()).isEqualTo(owner);
      assertThat(signIn(owner, PASSWORD, "198.51.100.11").user().email()).isEqualTo(owner);
    }
  }

  @Test
  void aGuesserAtOneAddressIsSlowedWhateverEmailItTries() {
    String victim = register("198.51.100.20");
    for (int i = 0; i < 5; i++) {
      refused("nobody-" + i + "@rehearse.test", "guess number " + i, "203.0.113.50");
    }
    refused(victim, PASSWORD, "203.0.113.50");
    assertThat(signIn(victim, PASSWORD, "203.0.113.51").user().email()).isEqualTo(victim);
    assertThat(signIn(victim, PASSWORD, "198.51.100.20").user().email()).isEqualTo(victim);
  }

  @Test
  void guessingFromAUsualAddressIsSlowedThereOnly() {
    String owner = register("198.51.100.30");
    for (int i = 0; i < 3; i++) {
      refused(owner, "guess number " + i, "198.51.100.30");
    }
    refused(owner, PASSWORD, "198.51.100.30");
    assertThat(signIn(owner, PASSWORD, "203.0.113.70").user().email()).isEqualTo(owner);
  }

  @Test
  void aRightPasswordCostsNothing() {
    String owner = register("198.51.100.40");
    for (int i = 0; i < 20; i++) { // far beyond every bucket, were sign-ins counted
      signIn(owner, PASSWORD, "203.0.113.80");
    }
    refused(owner, "one wrong guess", "203.0.113.80");
    assertThat(signIn(owner, PASSWORD, "203.0.113.80").user().email()).isEqualTo(owner);
  }

  @Test
  void signUpsAreLimitedPerClientAddress() {
    for (int i = 0; i < 3; i++) {
      register("192.0.2.1");
    }
    try {
      http.toBlocking().exchange(registration(newEmail(), "192.0.2.1"));
      throw new AssertionError("a fourth sign-up from one address went through");
    } catch (HttpClientResponseException e) {
      assertThat(e.getStatus().getCode()).isEqualTo(429);
      assertThat(Long.parseLong(e.getResponse().getHeaders().get("Retry-After")))
          .isBetween(1L, 1200L); // one sign-up back every 20 minutes
      assertThat(e.getResponse().getBody(String.class).orElseThrow())
          .contains("\"status\":429")
          .contains("too many sign-ups from this address");
    }
    register("192.0.2.2");
    // the client is the right-most address that is not a trusted proxy; left of it, the client
    // writes what it likes
    register("192.0.2.1, 192.0.2.4");
    assertProblem(
        registration(newEmail(), "192.0.2.1, 127.0.0.1").header("X-Forwarded-For", "::1"), 429);
  }

  /** A new account signed up from {@code address}; returns its email. */
  private String register(String address) {
    String email = newEmail();
    http.toBlocking().exchange(registration(email, address));
    return email;
  }

  private SignedIn signIn(String email, String password, String address) {
    return http.toBlocking().retrieve(login(email, password, address), SignedIn.class);
  }

  private void refused(String email, String password, String address) {
    assertThat(assertProblem(login(email, password, address), 401)).contains(Accounts.WRONG);
  }
}
