package dev.rehearse.assessment.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearse.assessment.AssessmentTestBase;
import dev.rehearse.assessment.cohort.CandidateSummary;
import dev.rehearse.assessment.cohort.CohortView;
import dev.rehearse.assessment.scoring.AttemptRepository;
import dev.rehearse.assessment.scoring.AttemptView;
import dev.rehearse.contracts.QuestionPublished;
import dev.rehearse.testsupport.GatewayTokens;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
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
 * The service checks the gateway's token itself (ES256, a published key): a request without a
 * genuine token reaches no endpoint, and identity headers from the network count for nothing.
 */
@MicronautTest
class ServiceTokenTest extends AssessmentTestBase {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject AttemptRepository attempts;
  QuestionPublished question;

  @BeforeAll
  void publishQuestion() {
    question = servingQuestion();
    publish(question);
  }

  @Test
  void theTokensSubjectIsTheCallerWhateverTheHeadersSay() {
    var view =
        http.toBlocking()
            .retrieve(
                answer()
                    .bearerAuth(GatewayTokens.token("cand-from-token", "CANDIDATE"))
                    .header("X-Candidate-Id", "someone-else")
                    .header("X-User-Role", "ADMIN"),
                AttemptView.class);
    assertThat(attempts.findById(view.id()).orElseThrow().candidateId())
        .isEqualTo("cand-from-token");
  }

  @Test
  void everyEndpointRefusesARequestWithoutAToken() {
    UUID id = UUID.randomUUID();
    List<MutableHttpRequest<?>> endpoints =
        List.of(
            answer(),
            HttpRequest.GET("/api/attempts/" + id),
            HttpRequest.GET("/api/attempts/" + id + "/reviews"),
            HttpRequest.POST("/api/attempts/" + id + "/reviews", Map.of("comment", "hi")),
            HttpRequest.GET("/api/progress"),
            HttpRequest.POST("/api/quiz-submissions", Map.of()),
            HttpRequest.POST("/api/self-assessments", Map.of()),
            HttpRequest.GET("/api/admin/item-stats"),
            HttpRequest.GET("/api/coach/candidates"),
            HttpRequest.GET("/api/coach/candidates/c-1/attempts"),
            HttpRequest.GET("/api/coach/cohorts"),
            HttpRequest.POST("/api/coach/cohorts", Map.of("name", "n")),
            HttpRequest.POST("/api/coach/cohorts/" + id + "/join-code", Map.of()),
            HttpRequest.DELETE("/api/coach/cohorts/" + id + "/members/c-1"),
            HttpRequest.GET("/api/cohort-memberships"),
            HttpRequest.POST("/api/cohort-memberships", Map.of("joinCode", "ABCD2345")),
            HttpRequest.DELETE("/api/cohort-memberships/" + id),
            HttpRequest.GET("/api/sessions"),
            HttpRequest.POST("/api/sessions", Map.of("roleId", "r")),
            HttpRequest.GET("/api/sessions/" + id),
            HttpRequest.GET("/api/sessions/" + id + "/report"),
            HttpRequest.POST("/api/sessions/" + id + "/questions/q/start", Map.of()),
            HttpRequest.POST("/api/sessions/" + id + "/questions/q/skip", Map.of()),
            HttpRequest.POST("/api/sessions/" + id + "/pause", Map.of()),
            HttpRequest.POST("/api/sessions/" + id + "/resume", Map.of()));
    for (MutableHttpRequest<?> request : endpoints) {
      // the headers earlier versions trusted make no difference
      assertUnauthorized(
          request.header("X-Candidate-Id", "c-1").header("X-User-Role", "ADMIN"),
          "a bearer token from the gateway is required");
    }
  }

  @Test
  void aTokenTheGatewayDidNotIssueIsRefused() {
    assertUnauthorized(
        answer()
            .bearerAuth(
                GatewayTokens.hs256(
                    "a-development-secret-written-in-application-yml", "c", "ADMIN")),
        "not valid");
    assertUnauthorized(
        answer().bearerAuth(GatewayTokens.signedByAnotherKey("c", "ADMIN")), "not valid");
    assertUnauthorized(
        answer()
            .bearerAuth(
                GatewayTokens.withClaims(
                    "gateway", "c", "CANDIDATE", Instant.now().minusSeconds(120))),
        "not valid");
    assertUnauthorized(
        answer()
            .bearerAuth(
                GatewayTokens.withClaims(
                    "somebody", "c", "CANDIDATE", Instant.now().plusSeconds(600))),
        "not valid");
    assertUnauthorized(answer().bearerAuth("not-a-jwt"), "cannot be read");
    assertUnauthorized(answer().basicAuth("c", "password"), "only bearer tokens");
  }

  @Test
  void aCohortShowsTheDisplayNameFromTheCandidatesTokenInAnyScript() {
    String coach = "coach-named-" + UUID.randomUUID();
    String candidate = "cand-named-" + UUID.randomUUID();
    var cohort =
        http.toBlocking()
            .retrieve(
                asCoach(HttpRequest.POST("/api/coach/cohorts", Map.of("name", "Names")), coach),
                CohortView.class);
    http.toBlocking()
        .exchange(
            HttpRequest.POST("/api/cohort-memberships", Map.of("joinCode", cohort.joinCode()))
                .bearerAuth(GatewayTokens.named(candidate, "CANDIDATE", "Nguyễn Thị Lan")));
    List<CandidateSummary> candidates =
        http.toBlocking()
            .retrieve(
                asCoach(HttpRequest.GET("/api/coach/candidates"), coach),
                Argument.listOf(CandidateSummary.class));
    assertThat(candidates)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.candidateId()).isEqualTo(candidate);
              assertThat(c.displayName()).isEqualTo("Nguyễn Thị Lan");
            });
  }

  private void assertUnauthorized(HttpRequest<?> request, String why) {
    assertThatThrownBy(() -> http.toBlocking().exchange(request, String.class))
        .as(request.getMethodName() + " " + request.getPath())
        .isInstanceOfSatisfying(
            HttpClientResponseException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(401);
              assertThat(e.getResponse().getContentType().orElseThrow().toString())
                  .isEqualTo("application/problem+json");
              assertThat(e.getResponse().getBody(String.class).orElseThrow())
                  .contains(why)
                  .contains("\"field\":\"Authorization\"");
            });
  }

  private MutableHttpRequest<?> answer() {
    return HttpRequest.POST(
        "/api/attempts", Map.of("questionId", question.questionId(), "answerText", "canary"));
  }
}
