package dev.rehearse.gateway.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.gateway.GatewayTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest
class LoginRateLimitTest extends GatewayTestBase {

  @Override
  protected Map<String, String> extraProperties() {
    return Map.of("rehearse.gateway.auth.login-per-minute-per-address", "3");
  }

  @Test
  void signInsFromOneAddressAreLimitedWhateverTheEmail() {
    for (int i = 0; i < 3; i++) {
      assertProblem(
          HttpRequest.POST(
              "/api/auth/login",
              Map.of("email", "guess" + i + "@rehearse.test", "password", "password" + i)),
          401);
    }
    assertThat(
            assertProblem(
                HttpRequest.POST(
                    "/api/auth/login",
                    Map.of("email", "guess9@rehearse.test", "password", "password9")),
                429))
        .contains("too many sign-in attempts");
  }
}
