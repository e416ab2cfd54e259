package dev.rehearse.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rehearse.assessment.AssessmentTestBase;
import dev.rehearse.contracts.AttemptScored;
import dev.rehearse.contracts.Topics;
import dev.rehearse.testsupport.KafkaProbe;
import dev.rehearse.testsupport.Problems;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest
class TypedAnswerTest extends AssessmentTestBase {
  @Inject
  @Client("/")
  HttpClient http;

  @Test
  void typedAnswerIsScoredAtOnceWithConceptsAndFlags() {
    String answer =
        "I would send a canary with 5% of traffic, watch latency and error rate, and roll back on a regression.";
    var response =
        http.toBlocking().exchange(post("c-1", question().questionId(), answer), AttemptView.class);

    assertThat(response.code()).isEqualTo(201);
    AttemptView view = response.body();
    assertThat(view.coverage()).isEqualTo(100);
    assertThat(view.score()).as("a one-sentence answer is capped at Strong").isEqualTo(89);
    assertThat(view.band()).isEqualTo("Strong");
    assertThat(view.conceptsHit())
        .extracting(ScoreResult.ConceptHit::concept)
        .containsExactly("canary", "rollback", "monitoring");
    assertThat(view.conceptsHit().get(1).matched()).isEqualTo("roll back");
    assertThat(answer.substring(view.conceptsHit().get(1).start(), view.conceptsHit().get(1).end()))
        .isEqualTo("roll back");
    assertThat(view.redFlags()).isEmpty();
    assertThat(
            http.toBlocking()
                .retrieve(
                    asCandidate(HttpRequest.GET("/api/attempts/" + view.id()), "c-1"),
                    AttemptView.class)
                .score())
        .isEqualTo(89);
  }

  /** The answer box's length hint comes from here: it must be the rule scoring applies. */
  @Test
  void theLengthGuideIsTheRuleTheScorerApplies() {
    AnswerGuide guide =
        http.toBlocking()
            .retrieve(
                asCandidate(
                    HttpRequest.GET("/api/answer-guides/" + question().questionId()), "c-guide"),
                AnswerGuide.class);
    assertThat(guide.stopWords()).contains("the", "and", "of");
    assertThat(guide.veryBriefWords()).isLessThan(guide.expectedWords());

    String brief =
        "I would send a canary with 5% of traffic, watch latency and error rate, and roll back on a regression.";
    assertThat(contentWords(brief, guide)).isLessThan(guide.expectedWords());
    AttemptView capped =
        http.toBlocking()
            .retrieve(post("c-guide", question().questionId(), brief), AttemptView.class);
    assertThat(capped.conceptsMissed()).isEmpty();
    assertThat(capped.score()).isEqualTo(guide.briefCap());
    assertThat(capped.breakdown().adjustments())
        .extracting(ScoreBreakdown.Adjustment::rule)
        .containsExactly("BRIEF_CAP");

    String full =
        brief
            + " The canary runs behind the same endpoint for an hour so that real requests, not a replayed sample,"
            + " decide whether the new version is healthy. Latency percentiles and the error rate are compared"
            + " with the current version side by side, because averages hide slow tails. If either gets worse"
            + " beyond agreed thresholds, traffic returns to the previous version within a minute, and that"
            + " version stays deployed until the new one has served a full day without trouble.";
    assertThat(contentWords(full, guide)).isGreaterThanOrEqualTo(guide.expectedWords());
    AttemptView lifted =
        http.toBlocking()
            .retrieve(post("c-guide", question().questionId(), full), AttemptView.class);
    assertThat(lifted.breakdown().adjustments())
        .extracting(ScoreBreakdown.Adjustment::rule)
        .doesNotContain("BRIEF_CAP", "VERY_BRIEF_CAP");
    assertThat(lifted.score()).isGreaterThan(guide.briefCap());

    assertProblem(
        asCandidate(HttpRequest.GET("/api/answer-guides/no-such-question"), "c-guide"),
        404,
        "questionId");
  }

  /** Words outside the guide's stop words, counted as the answer box counts them. */
  private static long contentWords(String text, AnswerGuide guide) {
    return java.util.Arrays.stream(
            text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(w -> !w.isEmpty() && !guide.stopWords().contains(w))
        .count();
  }

  @Test
  void withoutATokenNothingIsReadOrScored() {
    AttemptView mine =
        http.toBlocking()
            .retrieve(post("c-owner", question().questionId(), "canary"), AttemptView.class);
    String path = "/api/attempts/" + mine.id();
    assertProblem(HttpRequest.GET(path), 401, "Authorization");
    // the headers that once named the caller name nobody now
    assertProblem(
        HttpRequest.GET(path).header("X-Candidate-Id", "c-owner").header("X-User-Role", "ADMIN"),
        401,
        "Authorization");
    assertProblem(
        HttpRequest.POST(
                "/api/attempts",
                Map.of("questionId", question().questionId(), "answerText", "canary"))
            .header("X-Candidate-Id", "c-owner"),
        401,
        "Authorization");
    // a stranger's token with the owner's headers is the stranger
    assertProblem(
        asCandidate(HttpRequest.GET(path), "c-intruder")
            .header("X-Candidate-Id", "c-owner")
            .header("X-User-Role", "ADMIN"),
        404,
        "id");
  }

  @Test
  void aCandidateCannotReadAnotherCandidatesAttemptNorACoachOutsideTheirCohortsButAnAdminCan() {
    AttemptView mine =
        http.toBlocking()
            .retrieve(post("c-owner", question().questionId(), "canary"), AttemptView.class);
    String path = "/api/attempts/" + mine.id();

    assertThat(
            http.toBlocking()
                .retrieve(asCandidate(HttpRequest.GET(path), "c-owner"), AttemptView.class)
                .id())
        .isEqualTo(mine.id());
    assertProblem(asCandidate(HttpRequest.GET(path), "c-intruder"), 404, "id");
    assertProblem(asCoach(HttpRequest.GET(path), "coach-1"), 404, "id");
    assertThat(
            http.toBlocking()
                .retrieve(asAdmin(HttpRequest.GET(path), "admin-1"), AttemptView.class)
                .id())
        .isEqualTo(mine.id()); // a coach in the cohort: CohortTest
  }

  @Test
  void weakAnswerMissesConceptsAndRaisesFlagsWithEvidence() {
    String answer = "We copy the model to the servers manually when it is ready.";
    AttemptView view =
        http.toBlocking().retrieve(post("c-2", question().questionId(), answer), AttemptView.class);

    assertThat(view.score()).isZero();
    assertThat(view.band()).isEqualTo("Weak");
    assertThat(view.conceptsMissed())
        .extracting(ScoreResult.ConceptMiss::concept)
        .containsExactly("canary", "rollback", "monitoring");
    assertThat(view.redFlags())
        .extracting(ScoreResult.RaisedFlag::rule)
        .containsExactly("manual-deploy", "no-figures");
    assertThat(view.redFlags().get(0).evidence()).isEqualTo("\"copy the model\"");
    assertThat(view.feedback()).anyMatch(f -> f.contains("canary deployment"));
  }

  @Test
  void scoredEventIsPublishedThroughTheOutbox() {
    AttemptView view =
        http.toBlocking()
            .retrieve(
                post("c-3", question().questionId(), "a canary then revert"), AttemptView.class);
    try (KafkaProbe probe = new KafkaProbe(Topics.ASSESSMENT_SCORED)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(probe.records(r -> r.value().contains(view.id().toString())))
                      .hasSize(1));
      var record = probe.records(r -> r.value().contains(view.id().toString())).get(0);
      AttemptScored event = fromJson(record.value(), AttemptScored.class);
      assertThat(record.key()).isEqualTo("c-3");
      assertThat(event.score()).isEqualTo(view.score());
      assertThat(event.conceptsHit()).containsExactly("canary", "rollback");
      assertThat(event.skillId()).isEqualTo("model-serving");
    }
  }

  @Test
  void badInputGetsAProblemNamingTheField() {
    assertProblem(post("c-4", "no-such-question", "an answer"), 404, "questionId");
    assertProblem(post("c-4", question().questionId(), "   "), 400, "answerText");
    assertProblem(post("c-4", question().questionId(), "x".repeat(10_001)), 400, "answerText");
    assertProblem(
        asCandidate(HttpRequest.POST("/api/attempts", "{\"questionId\": "), "c-4")
            .contentType("application/json"),
        400,
        null);
    assertProblem(asCandidate(HttpRequest.GET("/api/attempts/not-a-uuid"), "c-4"), 400, null);
    assertProblem(
        asCandidate(HttpRequest.GET("/api/attempts/00000000-0000-0000-0000-000000000000"), "c-4"),
        404,
        "id");
  }

  private void assertProblem(HttpRequest<?> request, int status, String field) {
    Problems.assertProblem(http, request, status, field);
  }

  static HttpRequest<?> post(String candidate, String questionId, String text) {
    return asCandidate(
        HttpRequest.POST("/api/attempts", Map.of("questionId", questionId, "answerText", text)),
        candidate);
  }
}
