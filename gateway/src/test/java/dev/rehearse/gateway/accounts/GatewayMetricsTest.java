package dev.rehearse.gateway.accounts;

import static dev.rehearse.gateway.accounts.SignInRequests.PASSWORD;
import static dev.rehearse.gateway.accounts.SignInRequests.login;
import static dev.rehearse.gateway.accounts.SignInRequests.newEmail;
import static dev.rehearse.gateway.accounts.SignInRequests.registration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearse.gateway.FakeService;
import dev.rehearse.gateway.GatewayTestBase;
import dev.rehearse.testsupport.Problems;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The gateway's own metrics are read with the scrape token only (a user's token is not one), are
 * its own (never a service's behind it), and count failed sign-ins by reason.
 */
@MicronautTest
class GatewayMetricsTest extends GatewayTestBase {
  static final String TOKEN = "gateway-scrape-" + UUID.randomUUID();

  @Override
  protected Map<String, String> extraProperties() {
    return Map.of(
        "rehearse.metrics.token", TOKEN,
        "rehearse.gateway.auth.bcrypt-cost", "4",
        "rehearse.gateway.trusted-proxies", "127.0.0.1,::1",
        // the second wrong password for an account is throttled
        "rehearse.gateway.auth.failures.per-account.burst", "1",
        "rehearse.gateway.auth.failures.per-account.per-hour", "1");
  }

  @Test
  void theGatewaysOwnMetricsNeedTheScrapeToken() {
    Problems.assertProblem(http, HttpRequest.GET("/prometheus"), 401, "Authorization");
    Problems.assertProblem(
        http, HttpRequest.GET("/prometheus").bearerAuth(tokenFor("cand-m")), 401, "Authorization");
    Problems.assertProblem(
        http, HttpRequest.GET("/metrics").bearerAuth(tokenFor("admin-m", "ADMIN")), 404, null);

    String page = scrape();
    assertThat(page).contains("# TYPE rehearse_sign_in_failures_total counter");
    for (FakeService service : new FakeService[] {question, assessment, speech}) {
      assertThat(service.lastRequest("/prometheus")).as("never forwarded").isEmpty();
    }
  }

  @Test
  void eachFailedSignInIsCountedWithItsReason() {
    String email = newEmail();
    assertThat(http.toBlocking().exchange(registration(email, "198.18.40.1")).code())
        .isEqualTo(201);
    double unknown = failures("unknown_account");
    double wrong = failures("wrong_password");
    double throttled = failures("throttled");

    refused(login(newEmail(), PASSWORD, "198.18.40.2"));
    refused(login(email, "not the password", "198.18.40.3"));
    refused(login(email, PASSWORD, "198.18.40.4")); // right, but the account's bucket is empty

    assertThat(failures("unknown_account")).isEqualTo(unknown + 1);
    assertThat(failures("wrong_password")).isEqualTo(wrong + 1);
    assertThat(failures("throttled")).isEqualTo(throttled + 1);
  }

  private void refused(HttpRequest<?> request) {
    Problems.assertProblem(http, request, 401, null);
  }

  private String scrape() {
    return http.toBlocking().retrieve(HttpRequest.GET("/prometheus").bearerAuth(TOKEN));
  }

  private double failures(String reason) {
    Matcher m =
        Pattern.compile(
                "(?m)^rehearse_sign_in_failures_total\\{[^}]*reason=\""
                    + reason
                    + "\"[^}]*\\} (\\S+)$")
            .matcher(scrape());
    assertThat(m.find()).as(reason + " is counted").isTrue();
    return Double.parseDouble(m.group(1));
  }
}
