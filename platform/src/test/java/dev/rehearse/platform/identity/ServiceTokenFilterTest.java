package dev.rehearse.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearse.platform.PlatformTest;
import dev.rehearse.platform.problem.Problem;
import dev.rehearse.platform.problem.ProblemBodyProvider;
import dev.rehearse.testsupport.GatewayTokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With token checking on, a service serves only requests whose gateway token is genuine and whose
 * identity headers say what the token says; the rest get a 401 problem.
 */
@MicronautTest
class ServiceTokenFilterTest extends PlatformTest {
  static final String PATH = "/api/platform-test/whoami";

  @Inject
  @Client("/")
  HttpClient http;

  @Override
  public Map<String, String> getProperties() {
    return GatewayTokens.checking(super.getProperties());
  }

  @Test
  void aGenuineTokenWithMatchingHeadersIsServedWithTheTokensName() {
    String token =
        GatewayTokens.token(
            GatewayTokens.SECRET,
            "gateway",
            "cand-1",
            Instant.now().plusSeconds(600),
            "COACH",
            "Zoë Coach");
    String body = http.toBlocking().retrieve(as(HttpRequest.GET(PATH), token, "cand-1", "COACH"));
    assertThat(body).isEqualTo("cand-1 Zoë Coach");
  }

  @Test
  void aRequestWithoutATokenIsRefused() {
    assertRefused(HttpRequest.GET(PATH).header(IdentityHeaders.CANDIDATE, "cand-1"), "bearer");
  }

  @Test
  void aTokenSignedWithAnotherSecretIsRefused() {
    String forged =
        GatewayTokens.token(
            "another-secret-that-is-long-enough-for-hs256",
            "gateway",
            "cand-1",
            Instant.now().plusSeconds(600),
            "CANDIDATE",
            "Mallory");
    assertRefused(as(HttpRequest.GET(PATH), forged, "cand-1", "CANDIDATE"), "signature");
  }

  @Test
  void aGenuineTokenWhoseClaimsWereEditedIsRefused() {
    String[] parts = GatewayTokens.token("cand-1", "CANDIDATE").split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String edited =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    claims.replace("\"CANDIDATE\"", "\"ADMIN\"").getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertThat(edited).isNotEqualTo(String.join(".", parts));
    assertRefused(as(HttpRequest.GET(PATH), edited, "cand-1", "ADMIN"), "signature");
  }

  @Test
  void identityHeadersThatDisagreeWithTheTokenAreRefused() {
    String token = GatewayTokens.token("cand-1", "CANDIDATE");
    assertRefused(as(HttpRequest.GET(PATH), token, "cand-2", "CANDIDATE"), "do not match");
    assertRefused(as(HttpRequest.GET(PATH), token, "cand-1", "ADMIN"), "do not match");
    // the gateway always sends both headers; a token alone is not "no identity"
    assertRefused(HttpRequest.GET(PATH).bearerAuth(token), "do not match");
  }

  private static MutableHttpRequest<?> as(
      MutableHttpRequest<?> request, String token, String candidate, String role) {
    return request
        .bearerAuth(token)
        .header(IdentityHeaders.CANDIDATE, candidate)
        .header(IdentityHeaders.ROLE, role);
  }

  private void assertRefused(HttpRequest<?> request, String why) {
    assertThatThrownBy(() -> http.toBlocking().exchange(request, String.class))
        .isInstanceOfSatisfying(
            HttpClientResponseException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(401);
              assertThat(e.getResponse().getContentType().orElseThrow().toString())
                  .isEqualTo(ProblemBodyProvider.PROBLEM_JSON);
              Problem problem =
                  fromJson(e.getResponse().getBody(String.class).orElseThrow(), Problem.class);
              assertThat(problem.status()).isEqualTo(401);
              assertThat(problem.title()).isEqualTo("Unauthorized");
              assertThat(problem.detail()).startsWith("Authorization: ").contains(why);
            });
  }

  /** Answers with who the filter let through. */
  @Controller(PATH)
  static class WhoAmI {
    @Get(produces = "text/plain")
    String whoami(@Header(IdentityHeaders.CANDIDATE) String candidate, HttpRequest<?> request) {
      return candidate
          + " "
          + request.getAttribute(IdentityHeaders.NAME_ATTRIBUTE, String.class).orElse("?");
    }
  }
}
