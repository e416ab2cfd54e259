package dev.rehearse.gateway.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.rehearse.contracts.AccessRevoked;
import dev.rehearse.contracts.AttemptScored;
import dev.rehearse.contracts.Topics;
import dev.rehearse.gateway.Echo;
import dev.rehearse.gateway.GatewayTestBase;
import dev.rehearse.gateway.SseClient;
import dev.rehearse.testsupport.KafkaProbe;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest
class AuthTest extends GatewayTestBase {
  static final String ADMIN_EMAIL = "admin@rehearse.test";
  static final String ADMIN_PASSWORD = "first-admin-pass";
  @Inject EmbeddedServer server;
  @Inject UserAccountRepository users;
  SignedIn alice;
  SignedIn bob;
  SignedIn admin;

  @Override
  protected Map<String, String> extraProperties() {
    return Map.of(
        "rehearse.gateway.auth.bcrypt-cost",
        "4", // the algorithm is the same; tests need not pay for cost 12
        "rehearse.gateway.admin.email",
        ADMIN_EMAIL,
        "rehearse.gateway.admin.password",
        ADMIN_PASSWORD,
        "rehearse.gateway.limits.audio-per-minute",
        "3");
  }

  @BeforeAll
  void signUp() {
    alice = register("alice");
    bob = register("bob");
    admin = login(ADMIN_EMAIL, ADMIN_PASSWORD);
  }

  @Test
  void registeredCandidateSignsInAndTheTokenCarriesTheIdentity() {
    assertThat(alice.tokenType()).isEqualTo("Bearer");
    assertThat(alice.user().role()).isEqualTo("CANDIDATE");
    SignedIn again = login(alice.user().email(), "correct horse battery");
    assertThat(again.user().id()).isEqualTo(alice.user().id());

    String claims =
        new String(
            Base64.getUrlDecoder().decode(again.accessToken().split("\\.")[1]),
            StandardCharsets.UTF_8);
    assertThat(claims)
        .contains("\"sub\":\"" + alice.user().id() + "\"")
        .contains("\"roles\":[\"CANDIDATE\"]")
        .contains("\"iss\":\"gateway\"")
        .contains("\"exp\":");
    UserView me =
        http.toBlocking().retrieve(bearer(HttpRequest.GET("/api/auth/me"), again), UserView.class);
    assertThat(me.email()).isEqualTo(alice.user().email());
  }

  @Test
  void badSignUpsAreProblemsNamingTheField() {
    assertThat(
            assertProblem(
                HttpRequest.POST(
                    "/api/auth/register",
                    Map.of(
                        "email",
                        alice.user().email().toUpperCase(),
                        "password",
                        "another password",
                        "displayName",
                        "Alice again")),
                409))
        .contains("\"field\":\"email\"");
    assertThat(
            assertProblem(
                HttpRequest.POST(
                    "/api/auth/register",
                    Map.of(
                        "email",
                        "not-an-email",
                        "password",
                        "long enough pass",
                        "displayName",
                        "X")),
                400))
        .contains("\"field\":\"email\"");
    assertThat(
            assertProblem(
                HttpRequest.POST(
                    "/api/auth/register",
                    Map.of(
                        "email", "short@rehearse.test", "password", "short", "displayName", "X")),
                400))
        .contains("\"field\":\"password\"");
    assertThat(
            assertProblem(
                HttpRequest.POST(
                    "/api/auth/register",
                    Map.of(
                        "email",
                        "long@rehearse.test",
                        "password",
                        "é".repeat(40),
                        "displayName",
                        "X")),
                400))
        .contains("\"field\":\"password\"");
  }

  @Test
  void servicesReceiveTheIdentityFromTheTokenNeverFromTheClient() {
    Echo echo =
        echo(
            bearer(HttpRequest.GET("/api/questions?skill=serving"), alice)
                .header("X-Candidate-Id", bob.user().id().toString())
                .header("X-User-Role", "ADMIN"));

    assertThat(echo.headers())
        .doesNotContainKeys("x-candidate-id", "x-user-role")
        .containsEntry("authorization", "Bearer " + alice.accessToken());
  }

  @Test
  void missingForgedOrMisplacedTokensAreRefused() {
    assertProblem(HttpRequest.GET("/api/questions"), 401);
    assertProblem(
        HttpRequest.GET("/api/questions").header("X-Candidate-Id", alice.user().id().toString()),
        401);
    String[] parts = alice.accessToken().split("\\.");
    String forgedClaims =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace("CANDIDATE", "ADMIN")
                    .getBytes(StandardCharsets.UTF_8));
    assertProblem(
        HttpRequest.GET("/api/admin/packs")
            .bearerAuth(parts[0] + "." + forgedClaims + "." + parts[2]),
        401);
    assertProblem(HttpRequest.GET("/api/questions?access_token=" + alice.accessToken()), 401);
    assertProblem(HttpRequest.GET("/api/events"), 401);
    assertProblem(HttpRequest.GET("/api/attempts/" + UUID.randomUUID()), 401);
  }

  @Test
  void wrongUsersGetForbiddenOrNotFoundNeverData() {
    SignedIn coach = promote(register("coach"), "COACH");
    List<MutableHttpRequest<?>> adminOnly =
        List.of(
            HttpRequest.GET("/api/admin/packs"),
            HttpRequest.POST("/api/admin/packs", Map.of("id", "p")),
            HttpRequest.GET("/api/admin/item-stats"),
            HttpRequest.GET("/api/admin/pronunciation/terms"),
            HttpRequest.PUT(
                "/api/auth/users/" + bob.user().id() + "/role", Map.of("role", "ADMIN")));
    for (SignedIn wrong : List.of(alice, coach)) {
      adminOnly.forEach(
          r ->
              assertProblem(
                  bearer(
                      HttpRequest.create(r.getMethod(), r.getUri().toString())
                          .body(Map.of("role", "ADMIN")),
                      wrong),
                  403));
    }
    assertProblem(bearer(HttpRequest.GET("/api/coach/cohorts"), alice), 403);
    assertThat(echo(bearer(HttpRequest.GET("/api/coach/cohorts"), coach)).service())
        .isEqualTo("assessment");
    assertThat(echo(bearer(HttpRequest.GET("/api/admin/item-stats"), admin)).service())
        .isEqualTo("assessment");

    String alicesAttempt = UUID.randomUUID().toString();
    assessment.answer(
        "/api/attempts/" + alicesAttempt,
        200,
        "{\"id\":\""
            + alicesAttempt
            + "\",\"candidateId\":\""
            + alice.user().id()
            + "\",\"score\":90}");
    assertThat(
            http.toBlocking()
                .retrieve(bearer(HttpRequest.GET("/api/attempts/" + alicesAttempt), alice)))
        .contains("\"score\":90");
    assertThat(assertProblem(bearer(HttpRequest.GET("/api/attempts/" + alicesAttempt), bob), 404))
        .doesNotContain("\"score\"");
    assertThat(
            http.toBlocking()
                .retrieve(bearer(HttpRequest.GET("/api/attempts/" + alicesAttempt), coach)))
        .contains("\"score\":90");
  }

  @Test
  void adminFromConfigurationPromotesACoach() {
    assertThat(admin.user().role()).isEqualTo("ADMIN");
    SignedIn dana = register("dana");
    UserView changed =
        http.toBlocking()
            .retrieve(
                bearer(
                    HttpRequest.PUT(
                        "/api/auth/users/" + dana.user().id() + "/role", Map.of("role", "COACH")),
                    admin),
                UserView.class);
    assertThat(changed.role()).isEqualTo("COACH");
    assertThat(login(dana.user().email(), "correct horse battery").user().role())
        .isEqualTo("COACH");
    assertProblem(
        bearer(
            HttpRequest.PUT(
                "/api/auth/users/" + UUID.randomUUID() + "/role", Map.of("role", "COACH")),
            admin),
        404);
    assertProblem(
        bearer(
            HttpRequest.PUT(
                "/api/auth/users/" + dana.user().id() + "/role", Map.of("role", "OWNER")),
            admin),
        400);
  }

  @Test
  void eventStreamTakesTheTokenFromTheQueryAndShowsOnlyTheOwnersEvents() {
    String base = server.getURL() + "/api/events?access_token=";
    try (SseClient aliceStream = new SseClient(base + alice.accessToken(), Map.of());
        SseClient bobStream = new SseClient(base + bob.accessToken(), Map.of())) {
      AttemptScored forAlice =
          new AttemptScored(
              UUID.randomUUID(),
              1,
              Instant.now(),
              UUID.randomUUID(),
              alice.user().id().toString(),
              "q-1",
              "model-serving",
              AttemptScored.Mode.SPOKEN,
              60,
              "Good",
              List.of(),
              List.of(),
              List.of());
      KafkaProbe.send(Topics.ASSESSMENT_SCORED, forAlice.candidateId(), toJson(forAlice));
      await().atMost(Duration.ofSeconds(30)).until(() -> aliceStream.events().size() == 1);
      assertThat(aliceStream.events().get(0).data()).contains(forAlice.attemptId().toString());
      assertThat(bobStream.events()).isEmpty();
    }
  }

  @Test
  void audioUploadsAreLimitedPerUser() {
    SignedIn erin = register("erin");
    for (int i = 0; i < 3; i++) {
      assertThat(
              echo(bearer(
                      HttpRequest.POST("/api/pronunciation-attempts?term=kubectl", new byte[1000])
                          .contentType("audio/wav"),
                      erin))
                  .service())
          .isEqualTo("speech");
    }
    try {
      http.toBlocking()
          .exchange(
              bearer(
                  HttpRequest.POST("/api/spoken-attempts?questionId=q-1", new byte[1000])
                      .contentType("audio/wav"),
                  erin));
      throw new AssertionError("the fourth upload in a minute went through");
    } catch (HttpClientResponseException e) {
      assertThat(e.getStatus().getCode()).isEqualTo(429);
      assertThat(e.getResponse().getHeaders().get("Retry-After")).isNotBlank();
    }
    assertThat(
            echo(bearer(
                    HttpRequest.POST("/api/spoken-attempts?questionId=q-1", new byte[1000])
                        .contentType("audio/wav"),
                    alice))
                .service())
        .isEqualTo("speech");
  }

  @Test
  void answersCarrySecurityHeadersAndCorsAdmitsOnlyConfiguredOrigins() {
    HttpResponse<String> response =
        http.toBlocking().exchange(bearer(HttpRequest.GET("/api/questions"), alice), String.class);
    assertThat(response.getHeaders().get("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.getHeaders().get("X-Frame-Options")).isEqualTo("DENY");
    assertThat(response.getHeaders().get("Content-Security-Policy"))
        .contains("default-src 'self'")
        .contains("frame-ancestors 'none'");
    assertThat(response.getHeaders().get("Cache-Control")).isEqualTo("no-store");
    try {
      http.toBlocking().exchange(HttpRequest.GET("/api/questions"), String.class);
      throw new AssertionError("a request without a token went through");
    } catch (HttpClientResponseException refused) { // problems carry them too
      assertThat(refused.getResponse().getHeaders().get("X-Content-Type-Options"))
          .isEqualTo("nosniff");
      assertThat(refused.getResponse().getHeaders().get("Cache-Control")).isEqualTo("no-store");
    }

    HttpResponse<String> allowed =
        http.toBlocking()
            .exchange(
                HttpRequest.OPTIONS("/api/questions")
                    .header("Origin", "http://localhost:8080")
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "Authorization,Content-Type"),
                String.class);
    assertThat(allowed.getHeaders().get("Access-Control-Allow-Origin"))
        .isEqualTo("http://localhost:8080");
    assertThat(allowed.getHeaders().get("Access-Control-Allow-Headers")).contains("Authorization");
    assertThat(allowed.getHeaders().get("Access-Control-Allow-Credentials")).isNull();
    // refused before any span starts (it must come before Micronaut's own origin check), so this
    // problem alone names no trace; nothing about it is logged either
    assertThatThrownBy(
            () ->
                http.toBlocking()
                    .exchange(
                        HttpRequest.OPTIONS("/api/questions")
                            .header("Origin", "https://evil.example")
                            .header("Access-Control-Request-Method", "POST")))
        .isInstanceOfSatisfying(
            HttpClientResponseException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(403);
              assertThat(e.getResponse().getContentType())
                  .hasValueSatisfying(
                      t -> assertThat(t.toString()).isEqualTo("application/problem+json"));
            });
    // a foreign page never gets the header that lets it read the answer (Micronaut also refuses
    // foreign origins outright while the server runs on localhost, as here)
    HttpResponse<?> foreign;
    try {
      foreign =
          http.toBlocking()
              .exchange(
                  bearer(HttpRequest.GET("/api/questions"), alice)
                      .header("Origin", "https://evil.example"),
                  String.class);
    } catch (HttpClientResponseException e) {
      foreign = e.getResponse();
    }
    assertThat(foreign.getHeaders().get("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void aRoleChangeEndsTheTokensIssuedBeforeIt() {
    SignedIn carol = promote(register("carol"), "COACH");
    assertThat(echo(bearer(HttpRequest.GET("/api/coach/candidates"), carol)).service())
        .isEqualTo("assessment");
    // token times are whole seconds: let the change fall in a later second than the token's iat
    long issued = Instant.now().getEpochSecond();
    await().atMost(Duration.ofSeconds(3)).until(() -> Instant.now().getEpochSecond() > issued);

    http.toBlocking()
        .retrieve(
            bearer(
                HttpRequest.PUT(
                    "/api/auth/users/" + carol.user().id() + "/role", Map.of("role", "CANDIDATE")),
                admin));
    assertProblem(bearer(HttpRequest.GET("/api/coach/candidates"), carol), 401);
    assertProblem(bearer(HttpRequest.GET("/api/auth/me"), carol), 401);
    SignedIn again = login(carol.user().email(), "correct horse battery");
    assertThat(again.user().role()).isEqualTo("CANDIDATE");
    assertProblem(bearer(HttpRequest.GET("/api/coach/candidates"), again), 403);
    assertThat(echo(bearer(HttpRequest.GET("/api/questions"), again)).service())
        .isEqualTo("question");
    // every other instance and service learns of it from the AccessRevoked event
    // (her promotion to coach published one too, in the second of her token: not that one)
    AccessRevoked revoked =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    awaitRevocations(carol.user().id().toString(), "role-changed").stream()
                        .filter(r -> "role-changed".equals(r.reason()))
                        .filter(r -> r.occurredAt().getEpochSecond() > issued)
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    assertThat(revoked.issuedBefore()).isAfter(Instant.ofEpochSecond(issued));
    assertThat(revoked.sessionId()).isNull();
    assertThat(revoked.until()).isEqualTo(revoked.occurredAt().plus(Duration.ofMinutes(15)));
    // her session goes on: a refresh gives a token with the role she has now
    SignedIn refreshed =
        http.toBlocking()
            .retrieve(
                HttpRequest.POST("/api/auth/refresh", Map.of("refreshToken", carol.refreshToken())),
                SignedIn.class);
    assertThat(refreshed.user().role()).isEqualTo("CANDIDATE");
    assertProblem(bearer(HttpRequest.GET("/api/coach/candidates"), refreshed), 403);
    // setting the role it already has ends nothing
    http.toBlocking()
        .retrieve(
            bearer(
                HttpRequest.PUT(
                    "/api/auth/users/" + again.user().id() + "/role", Map.of("role", "CANDIDATE")),
                admin));
    assertThat(echo(bearer(HttpRequest.GET("/api/questions"), again)).service())
        .isEqualTo("question");
  }

  private SignedIn register(String name) {
    String email = name + "-" + UUID.randomUUID() + "@rehearse.test";
    return http.toBlocking()
        .retrieve(
            HttpRequest.POST(
                "/api/auth/register",
                Map.of("email", email, "password", "correct horse battery", "displayName", name)),
            SignedIn.class);
  }

  private SignedIn login(String email, String password) {
    return http.toBlocking()
        .retrieve(
            HttpRequest.POST("/api/auth/login", Map.of("email", email, "password", password)),
            SignedIn.class);
  }

  private SignedIn promote(SignedIn user, String role) {
    http.toBlocking()
        .retrieve(
            bearer(
                HttpRequest.PUT(
                    "/api/auth/users/" + user.user().id() + "/role", Map.of("role", role)),
                admin));
    return login(user.user().email(), "correct horse battery");
  }

  private static <T> MutableHttpRequest<T> bearer(MutableHttpRequest<T> request, SignedIn who) {
    return request.bearerAuth(who.accessToken());
  }
}
