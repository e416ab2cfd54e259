package dev.rehearse.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearse.contracts.AccessRevoked;
import dev.rehearse.contracts.Topics;
import dev.rehearse.platform.PlatformTest;
import dev.rehearse.platform.problem.Problem;
import dev.rehearse.platform.problem.ProblemBodyProvider;
import dev.rehearse.testsupport.GatewayTokens;
import dev.rehearse.testsupport.KafkaProbe;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A service serves only requests whose gateway token is genuine (ES256, a published key, issuer
 * gateway, not expired, not revoked) and hands controllers the caller it names; the rest get a 401
 * problem. Revocations arrive over Kafka, as the gateway publishes them.
 */
@MicronautTest
class ServiceTokenFilterTest extends PlatformTest {
  static final String PATH = "/api/platform-test/whoami";
  static final String PUBLIC_PATH = "/api/platform-test/public";

  @Inject
  @Client("/")
  HttpClient http;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = GatewayTokens.checking(super.getProperties());
    p.put("rehearse.auth.anonymous-get-paths", PUBLIC_PATH);
    return p;
  }

  @Test
  void aGenuineTokenGivesTheControllerItsCaller() {
    String body = get(PATH, GatewayTokens.token("cand-1", "COACH"));
    assertThat(body).isEqualTo("cand-1 COACH Test coach");
  }

  @Test
  void aRequestWithoutATokenIsRefusedUnlessThePathIsPublic() {
    assertRefused(HttpRequest.GET(PATH), "bearer");
    assertThat(http.toBlocking().retrieve(PUBLIC_PATH)).isEqualTo("anonymous");
    assertThat(get(PUBLIC_PATH, GatewayTokens.token("cand-1", "ADMIN"))).isEqualTo("cand-1");
  }

  @Test
  void anHs256TokenIsRefusedWhateverItsSecret() {
    String forged =
        GatewayTokens.hs256("a-development-secret-written-in-application-yml", "x", "ADMIN");
    assertRefused(HttpRequest.GET(PATH).bearerAuth(forged), "not valid");
  }

  @Test
  void aTokenSignedByAnotherKeyIsRefused() {
    assertRefused(
        HttpRequest.GET(PATH).bearerAuth(GatewayTokens.signedByAnotherKey("cand-1", "ADMIN")),
        "not valid");
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
    assertRefused(HttpRequest.GET(PATH).bearerAuth(edited), "not valid");
  }

  @Test
  void anotherIssuerOrAnExpiredTokenIsRefused() {
    Instant later = Instant.now().plusSeconds(600);
    assertRefused(
        HttpRequest.GET(PATH)
            .bearerAuth(GatewayTokens.withClaims("elsewhere", "c", "ADMIN", later)),
        "not valid");
    Instant past = Instant.now().minusSeconds(120);
    assertRefused(
        HttpRequest.GET(PATH).bearerAuth(GatewayTokens.withClaims("gateway", "c", "ADMIN", past)),
        "not valid");
  }

  @Test
  void aRevokedSessionIsRefusedWithinTwoSecondsWhileOtherSessionsGoOn() {
    String session = UUID.randomUUID().toString();
    Instant expiry = Instant.now().plusSeconds(600);
    String revoked = GatewayTokens.token("cand-7", "COACH", expiry, session);
    String other = GatewayTokens.token("cand-7", "COACH", expiry, UUID.randomUUID().toString());
    assertThat(get(PATH, revoked)).startsWith("cand-7");

    publish(
        new AccessRevoked(
            UUID.randomUUID(), 1, Instant.now(), "cand-7", session, null, "signed out", expiry));

    Awaitility.await()
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(() -> assertRefused(HttpRequest.GET(PATH).bearerAuth(revoked), "revoked"));
    assertThat(get(PATH, other)).startsWith("cand-7");
  }

  @Test
  void aSubjectsOlderTokensAreRefusedAfterARoleChangeButNewerOnesWork() {
    String old = GatewayTokens.token("cand-8", "COACH");
    assertThat(get(PATH, old)).startsWith("cand-8");
    Instant change = Instant.now().plusSeconds(2); // a whole second after the old token's iat
    publish(
        new AccessRevoked(
            UUID.randomUUID(),
            1,
            Instant.now(),
            "cand-8",
            null,
            change,
            "role changed",
            Instant.now().plusSeconds(600)));

    Awaitility.await()
        .atMost(Duration.ofSeconds(2))
        .untilAsserted(() -> assertRefused(HttpRequest.GET(PATH).bearerAuth(old), "revoked"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> Instant.now().isAfter(change.plusSeconds(1)));
    assertThat(get(PATH, GatewayTokens.token("cand-8", "CANDIDATE"))).startsWith("cand-8");
    assertThat(get(PATH, GatewayTokens.token("cand-9", "COACH"))).startsWith("cand-9");
  }

  @Test
  void anUnreadableRevocationGoesToTheDeadLetterTopic() {
    try (KafkaProbe dlq = new KafkaProbe(Topics.deadLetter(Topics.GATEWAY_ACCESS))) {
      String key = "bad-" + UUID.randomUUID();
      KafkaProbe.send(Topics.GATEWAY_ACCESS, key, "{\"subject\":");
      Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> dlq.records(r -> key.equals(r.key())).size() == 1);
    }
  }

  private void publish(AccessRevoked event) {
    KafkaProbe.send(Topics.GATEWAY_ACCESS, event.subject(), toJson(event));
  }

  private String get(String path, String token) {
    return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token));
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
              assertThat(problem.detail()).startsWith("Authorization: ").contains(why);
            });
  }

  /** Answers with the caller the filter let through. */
  @Controller("/api/platform-test")
  static class WhoAmI {
    @Get(value = "/whoami", produces = "text/plain")
    String whoami(Caller caller) {
      return caller.id() + " " + caller.role() + " " + caller.displayName();
    }

    @Get(value = "/public", produces = "text/plain")
    String open(@Nullable Caller caller) {
      return caller == null ? "anonymous" : caller.id();
    }
  }
}
