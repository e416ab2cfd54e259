package dev.rehearse.assessment.review;

import static dev.rehearse.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rehearse.assessment.AssessmentTestBase;
import dev.rehearse.assessment.cohort.CandidateSummary;
import dev.rehearse.assessment.cohort.CohortView;
import dev.rehearse.assessment.progress.Progress;
import dev.rehearse.assessment.scoring.AttemptView;
import dev.rehearse.contracts.AttemptReviewed;
import dev.rehearse.contracts.QuestionPublished;
import dev.rehearse.contracts.Topics;
import dev.rehearse.testsupport.KafkaProbe;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest
class CoachReviewTest extends AssessmentTestBase {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject AttemptReviewRepository reviews;
  final String run = UUID.randomUUID().toString().substring(0, 8);
  QuestionPublished serving;
  QuestionPublished training;
  CohortView anasCohort;

  @BeforeAll
  void publishQuestionsAndMakeACohort() {
    serving = servingQuestion();
    publish(serving);
    training =
        openQuestion("open-ckpt-" + run, "model-checkpointing", "Intermediate", "checkpoint");
    publish(training);
    anasCohort =
        http.toBlocking()
            .retrieve(
                asCoach(
                    HttpRequest.POST("/api/coach/cohorts", Map.of("name", "Ana's group")),
                    "coach-ana"),
                CohortView.class);
  }

  @Test
  void anOverrideKeepsTheMachineScoreAndEveryReviewIsAuditedAndAnnounced() {
    String candidate = "c-review-" + run;
    AttemptView attempt =
        answerInCohort(
            candidate, serving, "We copy the model to the servers manually when it is ready.");
    assertThat(attempt.score()).isZero();

    ReviewResult first =
        review(
            attempt.id(),
            "coach-ana",
            Map.of(
                "overrideScore",
                40,
                "reason",
                "The candidate explained a manual process clearly; partial credit.",
                "comment",
                "Add a canary next time."));
    assertThat(first.attempt().score()).isEqualTo(40);
    assertThat(first.attempt().band()).isEqualTo("Developing");
    assertThat(first.attempt().machineScore()).isZero();
    assertThat(first.attempt().status()).isEqualTo("REVIEWED");
    http.toBlocking()
        .exchange(
            asCandidate(
                HttpRequest.POST(
                    "/api/cohort-memberships", Map.of("joinCode", bensCohort().joinCode())),
                candidate));
    ReviewResult second = review(attempt.id(), "coach-ben", Map.of("comment", "Agree with Ana."));
    ReviewResult third =
        review(
            attempt.id(),
            "coach-ben",
            Map.of("overrideScore", 30, "reason", "Rollback still missing."));

    List<AttemptReview> trail =
        http.toBlocking()
            .retrieve(
                asCandidate(
                    HttpRequest.GET("/api/attempts/" + attempt.id() + "/reviews"), candidate),
                Argument.listOf(AttemptReview.class));
    assertThat(trail)
        .extracting(AttemptReview::coachId)
        .containsExactly("coach-ana", "coach-ben", "coach-ben");
    assertThat(trail).extracting(AttemptReview::previousScore).containsExactly(0, 40, 40);
    assertThat(trail).extracting(AttemptReview::overrideScore).containsExactly(40, null, 30);
    assertThat(trail).allSatisfy(r -> assertThat(r.machineScore()).isZero());
    assertThat(trail.get(0).reason()).startsWith("The candidate explained");
    assertThat(trail.get(0).createdAt()).isBeforeOrEqualTo(trail.get(2).createdAt());
    AttemptView now =
        http.toBlocking()
            .retrieve(
                asCandidate(HttpRequest.GET("/api/attempts/" + attempt.id()), candidate),
                AttemptView.class);
    assertThat(now.score()).isEqualTo(30);
    assertThat(now.machineScore()).isZero();
    assertThat(second.review().overrideScore()).isNull();
    assertThat(third.attempt().reviewedScore()).isEqualTo(30);

    try (KafkaProbe probe = new KafkaProbe(Topics.ASSESSMENT_REVIEWED)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> probe.records(r -> candidate.equals(r.key())).size() == 3);
      List<AttemptReviewed> events =
          probe.records(r -> candidate.equals(r.key())).stream()
              .map(r -> fromJson(r.value(), AttemptReviewed.class))
              .toList();
      assertThat(events)
          .extracting(AttemptReviewed::overrideScore)
          .containsExactlyInAnyOrder(40, null, 30);
      assertThat(events).allSatisfy(e -> assertThat(e.attemptId()).isEqualTo(attempt.id()));
    }
  }

  @Test
  void coachesSeeTheirCohortAndACandidatesAttempts() {
    String candidate = "c-cohort-" + run;
    answerInCohort(
        candidate, serving, "A canary with 5% of traffic, then roll back if latency grows.");
    answer(
        candidate,
        training,
        "I would save a checkpoint every hour to shared storage and resume after failures.");

    List<CandidateSummary> cohort =
        http.toBlocking()
            .retrieve(
                asCoach(HttpRequest.GET("/api/coach/candidates"), "coach-ana"),
                Argument.listOf(CandidateSummary.class));
    CandidateSummary summary =
        cohort.stream().filter(c -> c.candidateId().equals(candidate)).findFirst().orElseThrow();
    assertThat(summary.attempts()).isEqualTo(2);
    assertThat(summary.cohorts()).isEqualTo("Ana's group");
    List<AttemptView> attempts =
        http.toBlocking()
            .retrieve(
                asCoach(
                    HttpRequest.GET("/api/coach/candidates/" + candidate + "/attempts"),
                    "coach-ana"),
                Argument.listOf(AttemptView.class));
    assertThat(attempts)
        .extracting(AttemptView::questionId)
        .containsExactly(training.questionId(), serving.questionId());
  }

  @Test
  void progressShowsPerSkillScoresOverTimeWithATrend() {
    String candidate = "c-progress-" + run;
    answerInCohort(
        candidate,
        serving,
        "We copy the model to the servers manually when it is ready for the users.");
    answer(
        candidate,
        serving,
        "We send a canary to a small share of traffic and watch it before going further.");
    answer(
        candidate,
        serving,
        "A canary with 5% of traffic, watch latency and error rate, roll back on a regression.");
    AttemptView last =
        answer(
            candidate,
            serving,
            "A canary with 5% of traffic, watch latency and drift, and revert to the previous version.");
    answer(
        candidate,
        training,
        "I would save a checkpoint every hour to shared storage and resume after failures.");
    review(last.id(), "coach-ana", Map.of("overrideScore", 95, "reason", "Complete and precise."));

    Progress p =
        http.toBlocking()
            .retrieve(asCandidate(HttpRequest.GET("/api/progress"), candidate), Progress.class);
    assertThat(p.attempts()).isEqualTo(5);
    Progress.SkillProgress servingProgress =
        p.skills().stream()
            .filter(s -> s.skillId().equals("model-serving"))
            .findFirst()
            .orElseThrow();
    assertThat(servingProgress.points())
        .extracting(Progress.Point::score)
        .containsExactly(0, 40, 89, 95);
    assertThat(servingProgress.latestScore()).isEqualTo(95);
    assertThat(servingProgress.averageScore()).isEqualTo(56);
    assertThat(servingProgress.trend().direction()).isEqualTo("improving");
    assertThat(servingProgress.trend().delta()).isEqualTo(72.0);
    assertThat(servingProgress.trend().pointsNeeded()).isZero();
    assertThat(p.skills())
        .extracting(Progress.SkillProgress::skillId)
        .containsExactly("model-serving", "model-checkpointing");
    assertThat(p.skills().get(1).trend().direction()).isEqualTo("not enough data");
    // one checkpointing answer of the three a trend needs
    assertThat(p.skills().get(1).trend().pointsNeeded()).isEqualTo(2);

    Progress seenByCoach =
        http.toBlocking()
            .retrieve(
                asCoach(HttpRequest.GET("/api/progress?candidateId=" + candidate), "coach-ana"),
                Progress.class);
    assertThat(seenByCoach.averageScore()).isEqualTo(p.averageScore());
  }

  @Test
  void badReviewsGetAProblemNamingTheFieldAndStoreNothing() {
    String candidate = "c-bad-review-" + run;
    AttemptView attempt =
        answerInCohort(candidate, serving, "A canary with 5% of traffic, then roll back.");
    long before = reviews.count();
    String path = "/api/attempts/" + attempt.id() + "/reviews";
    assertProblem(
        http,
        asCoach(
            HttpRequest.POST(
                "/api/attempts/" + UUID.randomUUID() + "/reviews", Map.of("comment", "hi")),
            "coach-ana"),
        404,
        "id");
    assertProblem(http, HttpRequest.POST(path, Map.of("comment", "hi")), 401, "Authorization");
    // the candidate reviewing their own attempt, claiming a coach's role in a header
    assertProblem(
        http,
        asCandidate(HttpRequest.POST(path, Map.of("comment", "hi")), candidate)
            .header("X-User-Role", "COACH"),
        403,
        null);
    // a coach's account id in a candidate's token is a candidate
    assertProblem(
        http, asCandidate(HttpRequest.POST(path, Map.of("comment", "hi")), "coach-ana"), 403, null);
    assertProblem(
        http, asCoach(HttpRequest.POST(path, Map.of()), "coach-ana"), 400, "overrideScore");
    assertProblem(
        http,
        asCoach(HttpRequest.POST(path, Map.of("overrideScore", 50)), "coach-ana"),
        400,
        "reason");
    assertProblem(
        http,
        asCoach(HttpRequest.POST(path, Map.of("overrideScore", 101, "reason", "x")), "coach-ana"),
        400,
        "overrideScore");
    assertProblem(
        http,
        asCoach(HttpRequest.POST(path, Map.of("overrideScore", -1, "reason", "x")), "coach-ana"),
        400,
        "overrideScore");
    assertProblem(
        http,
        asCoach(HttpRequest.GET("/api/attempts/" + UUID.randomUUID() + "/reviews"), "coach-ana"),
        404,
        "id");
    assertProblem(http, HttpRequest.GET("/api/coach/candidates"), 401, "Authorization");
    assertProblem(
        http, asCandidate(HttpRequest.GET("/api/coach/candidates"), candidate), 403, null);
    assertProblem(http, HttpRequest.GET("/api/progress"), 401, "Authorization");
    assertProblem(
        http, asCandidate(HttpRequest.GET("/api/progress?candidateId=x"), candidate), 403, null);
    assertThat(reviews.count()).isEqualTo(before);
    assertThat(
            http.toBlocking()
                .retrieve(
                    asCandidate(HttpRequest.GET("/api/attempts/" + attempt.id()), candidate),
                    AttemptView.class)
                .score())
        .isEqualTo(attempt.score());
  }

  private AttemptView answer(String candidate, QuestionPublished q, String text) {
    return http.toBlocking()
        .retrieve(
            asCandidate(
                HttpRequest.POST(
                    "/api/attempts", Map.of("questionId", q.questionId(), "answerText", text)),
                candidate),
            AttemptView.class);
  }

  private CohortView bensCohort() {
    return http.toBlocking()
        .retrieve(
            asCoach(
                HttpRequest.POST(
                    "/api/coach/cohorts", Map.of("name", "Ben's group " + UUID.randomUUID())),
                "coach-ben"),
            CohortView.class);
  }

  private ReviewResult review(UUID attemptId, String coach, Map<String, Object> body) {
    return http.toBlocking()
        .retrieve(
            asCoach(
                HttpRequest.POST("/api/attempts/" + attemptId + "/reviews", new HashMap<>(body)),
                coach),
            ReviewResult.class);
  }

  /** Answers under a fresh candidate who has joined coach Ana's cohort. */
  private AttemptView answerInCohort(String candidate, QuestionPublished q, String text) {
    http.toBlocking()
        .exchange(
            asCandidate(
                HttpRequest.POST(
                    "/api/cohort-memberships", Map.of("joinCode", anasCohort.joinCode())),
                candidate));
    return answer(candidate, q, text);
  }
}
