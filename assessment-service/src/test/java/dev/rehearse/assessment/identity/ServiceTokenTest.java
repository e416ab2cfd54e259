package dev.rehearse.assessment.identity;

import static dev.rehearse.testsupport.GatewayTokens.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearse.assessment.AssessmentTestBase;
import dev.rehearse.assessment.cohort.CandidateSummary;
import dev.rehearse.assessment.cohort.CohortView;
import dev.rehearse.assessment.scoring.AttemptRepository;
import dev.rehearse.contracts.QuestionPublished;
import dev.rehearse.testsupport.GatewayTokens;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service checks the gateway's token itself: identity headers from the network count for
 * nothing.
 */
@MicronautTest
class ServiceTokenTest extends AssessmentTestBase {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject AttemptRepository attempts;
  QuestionPublished question;

  @Override
  public Map<String, String> getProperties() {
    return GatewayTokens.checking(super.getProperties());
  }

  @BeforeAll
  void publishQuestion() {
    question = servingQuestion();
    publish(question);
  }

  @Test
  void aValidTokenWithMatchingIdentityHeadersIsServed() throws Exception {
    String token = token(SECRET, "gateway", "cand-from-token", Instant.now().plusSeconds(600));
    var view =
        http.toBlocking()
            .retrieve(
                answer()
                    .bearerAuth(token)
                    .header("X-Candidate-Id", "cand-from-token")
                    .header("X-User-Role", "CANDIDATE"),
                dev.rehearse.assessment.scoring.AttemptView.class);
    assertThat(attempts.findById(view.id()).orElseThrow().candidateId())
        .isEqualTo("cand-from-token");
  }

  @Test
  void requestsWithoutAValidTokenAreRefusedWithAProblem() throws Exception {
    assertUnauthorized(answer().header("X-Candidate-Id", "bare-header"), "bearer token");
    assertUnauthorized(
        answer()
            .bearerAuth(
                token(
                    "another-secret-another-secret-another",
                    "gateway",
                    "c",
                    Instant.now().plusSeconds(600))),
        "signature");
    assertUnauthorized(
        answer().bearerAuth(token(SECRET, "gateway", "c", Instant.now().minusSeconds(5))),
        "expired");
    assertUnauthorized(
        answer().bearerAuth(token(SECRET, "somebody", "c", Instant.now().plusSeconds(600))),
        "issued");
    assertUnauthorized(answer().bearerAuth("not-a-jwt"), "cannot be read");
    String valid = token(SECRET, "gateway", "c-real", Instant.now().plusSeconds(600));
    assertUnauthorized(
        answer().bearerAuth(valid).header("X-Candidate-Id", "someone-else"), "do not match");
    assertUnauthorized(
        answer()
            .bearerAuth(valid)
            .header("X-Candidate-Id", "c-real")
            .header("X-User-Role", "ADMIN"),
        "do not match");
    // a token alone, without the headers the gateway always sends, is not read as "no identity"
    assertUnauthorized(
        HttpRequest.GET("/api/attempts/" + UUID.randomUUID()).bearerAuth(valid), "do not match");
    assertUnauthorized(
        answer().bearerAuth(valid).header("X-Candidate-Id", "c-real"), "do not match");
  }

  @Test
  void aCohortShowsTheDisplayNameFromTheCandidatesTokenInAnyScript() throws Exception {
    String coachToken =
        token(SECRET, "gateway", "coach-named", Instant.now().plusSeconds(600), "COACH", "Coach");
    var cohort =
        http.toBlocking()
            .retrieve(
                HttpRequest.POST("/api/coach/cohorts", Map.of("name", "Names"))
                    .bearerAuth(coachToken)
                    .header("X-Candidate-Id", "coach-named")
                    .header("X-User-Role", "COACH"),
                CohortView.class);
    String candidateToken =
        token(
            SECRET,
            "gateway",
            "cand-named",
            Instant.now().plusSeconds(600),
            "CANDIDATE",
            "Nguyễn Thị Lan");
    http.toBlocking()
        .exchange(
            HttpRequest.POST("/api/cohort-memberships", Map.of("joinCode", cohort.joinCode()))
                .bearerAuth(candidateToken)
                .header("X-Candidate-Id", "cand-named")
                .header("X-User-Role", "CANDIDATE"));
    List<CandidateSummary> candidates =
        http.toBlocking()
            .retrieve(
                HttpRequest.GET("/api/coach/candidates")
                    .bearerAuth(coachToken)
                    .header("X-Candidate-Id", "coach-named")
                    .header("X-User-Role", "COACH"),
                Argument.listOf(CandidateSummary.class));
    assertThat(candidates)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.candidateId()).isEqualTo("cand-named");
              assertThat(c.displayName()).isEqualTo("Nguyễn Thị Lan");
            });
  }

  private void assertUnauthorized(HttpRequest<?> request, String why) {
    assertThatThrownBy(() -> http.toBlocking().exchange(request, String.class))
        .isInstanceOfSatisfying(
            HttpClientResponseException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(401);
              assertThat(e.getResponse().getBody(String.class).orElseThrow())
                  .contains(why)
                  .contains("\"field\":\"Authorization\"");
            });
  }

  private io.micronaut.http.MutableHttpRequest<?> answer() {
    return HttpRequest.POST(
        "/api/attempts", Map.of("questionId", question.questionId(), "answerText", "canary"));
  }

  static String token(String secret, String issuer, String subject, Instant expiry) {
    return GatewayTokens.token(secret, issuer, subject, expiry, "CANDIDATE", "Test Candidate");
  }

  static String token(
      String secret, String issuer, String subject, Instant expiry, String role, String name) {
    return GatewayTokens.token(secret, issuer, subject, expiry, role, name);
  }
}
