package dev.rehearse.assessment.review;

import static dev.rehearse.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rehearse.assessment.AssessmentTestBase;
import dev.rehearse.assessment.cohort.CohortView;
import dev.rehearse.assessment.scoring.AttemptView;
import dev.rehearse.assessment.scoring.MarkedScore;
import dev.rehearse.assessment.scoring.ScoreResult.ConceptMiss;
import dev.rehearse.assessment.scoring.ScoreResult.RaisedFlag;
import dev.rehearse.contracts.AttemptReviewed;
import dev.rehearse.contracts.QuestionPublished;
import dev.rehearse.contracts.Topics;
import dev.rehearse.testsupport.GatewayTokens;
import dev.rehearse.testsupport.KafkaProbe;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
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

/**
 * Per-concept reviews, blind second reviews, reviewer agreement and the results CSV, through the
 * HTTP API with the service's real PostgreSQL and Kafka.
 */
@MicronautTest
class ConceptAndSecondReviewTest extends AssessmentTestBase {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject AttemptReviewRepository reviews;
  @Inject SecondReviewRepository requests;
  @Inject ReviewData reviewData;

  final String run = UUID.randomUUID().toString().substring(0, 8);
  final String ana = "coach-ana-" + run;
  final String ben = "coach-ben-" + run;
  final String cleo = "coach-cleo-" + run;
  final String admin = "admin-" + run;
  QuestionPublished serving;
  CohortView anasCohort;
  CohortView bensCohort;

  /** An answer with a manual-deployment claim, long enough to escape every cap but "brief". */
  static final String MANUAL =
      "We copy the model to the servers manually when it is ready, then tell the team and check"
          + " the dashboards each morning.";

  @BeforeAll
  void publishAQuestionAndMakeCohorts() {
    serving = servingQuestion();
    publish(serving);
    anasCohort = cohort(ana, "Ana's group");
    bensCohort = cohort(ben, "Ben's group");
  }

  @Test
  void conceptMarksSetTheScoreByTheScorersRulesAndTheTrailKeepsBoth() {
    String candidate = "c-marks-" + run;
    join(candidate, anasCohort);
    AttemptView attempt = answer(candidate, MANUAL);
    assertThat(attempt.redFlags()).extracting(RaisedFlag::rule).contains("manual-deploy");
    String path = "/api/attempts/" + attempt.id() + "/reviews";

    // canary 40 + rollback 30 of 100, minus 15 for the manual-deployment claim the coach keeps
    Map<String, Object> marks = marks(true, true, false);
    MarkedScore kept = preview(attempt.id(), ana, marks);
    assertThat(kept).isEqualTo(new MarkedScore(55, "Developing", 70, 15, null));
    // every concept, the claim cleared: 100, but the brief answer stays capped as the scorer caps
    // it
    Map<String, Object> allCleared = marks(true, true, true);
    allCleared.put("clearedFlags", List.of("manual-deploy"));
    MarkedScore cleared = preview(attempt.id(), ana, allCleared);
    assertThat(cleared.score()).isEqualTo(89);
    assertThat(cleared.penalty()).isZero();
    assertThat(cleared.cap()).contains("brief");
    assertThat(reviews.findByAttemptIdOrderByCreatedAt(attempt.id())).isEmpty();

    Map<String, Object> body = marks(true, true, false);
    body.put("comment", "Good plan, but say how you watch it.");
    ReviewResult saved = post(path, ana, body, ReviewResult.class);
    assertThat(saved.attempt().score()).isEqualTo(55);
    assertThat(saved.attempt().reviewedScore()).isEqualTo(55);
    assertThat(saved.attempt().band()).isEqualTo("Developing");
    assertThat(saved.attempt().machineScore()).isEqualTo(attempt.machineScore());

    List<AttemptReview> trail =
        http.toBlocking()
            .retrieve(
                asCandidate(HttpRequest.GET(path), candidate),
                Argument.listOf(AttemptReview.class));
    assertThat(trail).hasSize(1);
    AttemptReview entry = trail.get(0);
    assertThat(entry.coachId()).isEqualTo(ana);
    assertThat(entry.round()).isEqualTo(AttemptReview.FIRST);
    assertThat(entry.machineScore()).isEqualTo(attempt.machineScore());
    assertThat(entry.previousScore()).isEqualTo(attempt.score());
    assertThat(entry.overrideScore()).isEqualTo(55);
    assertThat(entry.clearedFlags()).isEmpty();
    assertThat(entry.marks())
        .extracting(AttemptReview.ConceptMark::concept, AttemptReview.ConceptMark::covered)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("canary", true),
            org.assertj.core.groups.Tuple.tuple("rollback", true),
            org.assertj.core.groups.Tuple.tuple("monitoring", false));
    assertThat(entry.marks()).allSatisfy(m -> assertThat(m.reason()).startsWith("Reason for"));
    // beside each mark, what the machine found: nothing of a concept it missed
    List<String> missed = attempt.conceptsMissed().stream().map(ConceptMiss::concept).toList();
    assertThat(entry.marks())
        .filteredOn(m -> missed.contains(m.concept()))
        .allSatisfy(m -> assertThat(m.machineCredit()).isZero());

    try (KafkaProbe probe = new KafkaProbe(Topics.ASSESSMENT_REVIEWED)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !probe.records(r -> candidate.equals(r.key())).isEmpty());
      AttemptReviewed event =
          fromJson(
              probe.records(r -> candidate.equals(r.key())).get(0).value(), AttemptReviewed.class);
      assertThat(event.overrideScore()).isEqualTo(55);
      assertThat(event.coachId()).isEqualTo(ana);
      // ids and figures only: reasons and the comment stay in the audit trail
      assertThat(event.reason()).isNull();
      assertThat(event.comment()).isNull();
    }

    Map<String, Object> missing = marks(true, true, false);
    ((List<?>) missing.get("marks")).remove(2);
    assertProblem(http, asCoach(HttpRequest.POST(path, missing), ana), 400, "marks");
    Map<String, Object> unknown = marks(true, true, false);
    listOf(unknown).add(mark("latency-budget", true));
    assertProblem(http, asCoach(HttpRequest.POST(path, unknown), ana), 400, "marks");
    Map<String, Object> both = marks(true, true, false);
    both.put("overrideScore", 60);
    both.put("reason", "both");
    assertProblem(http, asCoach(HttpRequest.POST(path, both), ana), 400, "overrideScore");
    Map<String, Object> notRaised = marks(true, true, false);
    notRaised.put("clearedFlags", List.of("no-such-flag"));
    assertProblem(http, asCoach(HttpRequest.POST(path, notRaised), ana), 400, "clearedFlags");
    Map<String, Object> noReason = marks(true, true, false);
    listOf(noReason).set(0, Map.of("concept", "canary", "covered", true, "reason", " "));
    assertProblem(http, asCoach(HttpRequest.POST(path, noReason), ana), 400, null);
    assertProblem(
        http,
        asCoach(HttpRequest.POST(path + "/preview", marks(true, true, true)), cleo),
        404,
        "id");
    assertProblem(
        http,
        asCandidate(HttpRequest.POST(path + "/preview", marks(true, true, true)), candidate),
        403,
        null);
    assertThat(reviews.findByAttemptIdOrderByCreatedAt(attempt.id())).hasSize(1);
  }

  @Test
  void aSecondReviewIsBlindUntilSubmittedAndNeverTheFirstReviewersOwn() {
    String candidate = "c-blind-" + run;
    join(candidate, anasCohort);
    join(candidate, bensCohort);
    AttemptView attempt = answer(candidate, MANUAL);
    String ask = "/api/coach/attempts/" + attempt.id() + "/second-review-requests";
    assertProblem(http, asCoach(HttpRequest.POST(ask, Map.of()), ana), 409, "id");

    review(attempt.id(), ana, Map.of("overrideScore", 80, "reason", "A clear manual process."));
    assertProblem(
        http, asCoach(HttpRequest.POST(ask, Map.of("reviewerId", ana)), ana), 400, "reviewerId");
    assertProblem(http, asCandidate(HttpRequest.POST(ask, Map.of()), candidate), 403, null);
    assertProblem(http, asCoach(HttpRequest.POST(ask, Map.of()), cleo), 404, "id");
    SecondReviewView asked = post(ask, ana, Map.of(), SecondReviewView.class);
    assertThat(asked.request().reviewerId()).isNull();
    assertProblem(http, asCoach(HttpRequest.POST(ask, Map.of()), ana), 409, "id");
    UUID id = asked.request().id();
    String submit = "/api/coach/second-reviews/" + id;

    // the first reviewer neither finds it in their queue nor may make it
    assertThat(queue(ana)).extracting(v -> v.request().id()).doesNotContain(id);
    assertProblem(
        http, asCoach(HttpRequest.POST(submit, marks(true, false, false)), ana), 403, null);
    // another coach of the candidate finds it, blind: the machine's result and no first review
    SecondReviewView blind =
        queue(ben).stream().filter(v -> v.request().id().equals(id)).findFirst().orElseThrow();
    assertThat(blind.firstReview()).isNull();
    assertThat(blind.attempt().reviewedScore()).isNull();
    assertThat(blind.attempt().score()).isEqualTo(attempt.machineScore());
    assertThat(blind.attempt().answerText()).isEqualTo(MANUAL);
    assertThat(get("/api/coach/second-reviews/" + id, ben, SecondReviewView.class).firstReview())
        .isNull();
    // ... and the rest of the API is as blind for them, not for the first reviewer
    assertThat(get("/api/attempts/" + attempt.id(), ben, AttemptView.class).reviewedScore())
        .isNull();
    assertThat(get("/api/attempts/" + attempt.id() + "/reviews", ben, AttemptReview[].class))
        .isEmpty();
    assertThat(
            get("/api/coach/candidates/" + candidate + "/attempts", ben, AttemptView[].class)[0]
                .reviewedScore())
        .isNull();
    assertThat(get("/api/attempts/" + attempt.id(), ana, AttemptView.class).reviewedScore())
        .isEqualTo(80);
    assertThat(get(submit, ana, SecondReviewView.class).firstReview().overrideScore())
        .isEqualTo(80);
    // a coach who does not see the candidate reaches none of it; a candidate no coach endpoint
    assertThat(queue(cleo)).extracting(v -> v.request().id()).doesNotContain(id);
    assertProblem(http, asCoach(HttpRequest.GET(submit), cleo), 404, "id");
    assertProblem(
        http, asCoach(HttpRequest.POST(submit, marks(true, true, true)), cleo), 404, "id");
    assertProblem(
        http, asCandidate(HttpRequest.GET("/api/coach/second-reviews"), candidate), 403, null);
    assertProblem(
        http,
        asCoach(HttpRequest.POST(submit, Map.of("comment", "only a comment")), ben),
        400,
        "overrideScore");

    SecondReviewView done = post(submit, ben, marks(true, false, false), SecondReviewView.class);
    // canary 40, minus 15 for the kept claim
    assertThat(done.secondReview().overrideScore()).isEqualTo(25);
    assertThat(done.secondReview().round()).isEqualTo(AttemptReview.SECOND);
    assertThat(done.secondReview().coachId()).isEqualTo(ben);
    assertThat(done.firstReview().overrideScore()).isEqualTo(80);
    assertThat(done.firstReview().coachId()).isEqualTo(ana);
    assertThat(done.request().completedAt()).isNotNull();
    // the second review measures agreement; the attempt keeps the first review's score
    assertThat(done.attempt().reviewedScore()).isEqualTo(80);
    assertThat(get("/api/attempts/" + attempt.id(), ben, AttemptView.class).reviewedScore())
        .isEqualTo(80);
    assertThat(get("/api/attempts/" + attempt.id() + "/reviews", ben, AttemptReview[].class))
        .extracting(AttemptReview::round)
        .containsExactly(AttemptReview.FIRST, AttemptReview.SECOND);
    assertThat(queue(ben)).extracting(v -> v.request().id()).doesNotContain(id);
    assertProblem(http, asCoach(HttpRequest.POST(submit, marks(true, true, true)), ben), 409, "id");
  }

  @Test
  void aNamedReviewerAloneMayMakeIt() {
    String candidate = "c-named-" + run;
    join(candidate, anasCohort);
    join(candidate, bensCohort);
    AttemptView attempt = answer(candidate, MANUAL);
    review(attempt.id(), ana, Map.of("overrideScore", 50, "reason", "Half of it."));
    UUID id =
        post(
                "/api/coach/attempts/" + attempt.id() + "/second-review-requests",
                ana,
                Map.of("reviewerId", admin),
                SecondReviewView.class)
            .request()
            .id();
    assertThat(queue(ben)).extracting(v -> v.request().id()).doesNotContain(id);
    assertProblem(
        http,
        asCoach(HttpRequest.POST("/api/coach/second-reviews/" + id, marks(true, true, true)), ben),
        403,
        null);
    SecondReviewView adminsView =
        http
            .toBlocking()
            .retrieve(
                asAdmin(HttpRequest.GET("/api/coach/second-reviews"), admin),
                Argument.listOf(SecondReviewView.class))
            .stream()
            .filter(v -> v.request().id().equals(id))
            .findFirst()
            .orElseThrow();
    assertThat(adminsView.firstReview()).isNull();
  }

  @Test
  void agreementOverAKnownSetListsOnlyDisagreementsOverFifteenPoints() {
    String coach = "coach-agree-" + run;
    CohortView cohort = cohort(coach, "Agreement group");
    String candidate = "c-agree-" + run;
    join(candidate, cohort);
    String path = "/api/coach/cohorts/" + cohort.id() + "/review-agreement";
    ReviewAgreement none = get(path, coach, ReviewAgreement.class);
    assertThat(none.pairs()).isZero();
    assertThat(none.meanAbsoluteDifference()).isNull();

    int[][] scores = {{50, 60}, {50, 65}, {50, 66}, {40, 80}};
    List<UUID> ids = new java.util.ArrayList<>();
    for (int[] pair : scores) {
      AttemptView attempt = answer(candidate, MANUAL);
      ids.add(attempt.id());
      review(attempt.id(), coach, Map.of("overrideScore", pair[0], "reason", "First look."));
      UUID request =
          post(
                  "/api/coach/attempts/" + attempt.id() + "/second-review-requests",
                  coach,
                  Map.of("reviewerId", admin),
                  SecondReviewView.class)
              .request()
              .id();
      http.toBlocking()
          .exchange(
              asAdmin(
                  HttpRequest.POST(
                      "/api/coach/second-reviews/" + request,
                      Map.of("overrideScore", pair[1], "reason", "Second look.")),
                  admin));
    }
    // one more asked for but not made yet: not a pair
    AttemptView open = answer(candidate, MANUAL);
    review(open.id(), coach, Map.of("overrideScore", 10, "reason", "Weak."));
    post(
        "/api/coach/attempts/" + open.id() + "/second-review-requests",
        coach,
        Map.of(),
        SecondReviewView.class);

    ReviewAgreement agreement = get(path, coach, ReviewAgreement.class);
    assertThat(agreement.pairs()).isEqualTo(4);
    // differences 10, 15, 16, 40
    assertThat(agreement.meanAbsoluteDifference()).isEqualTo(20.3);
    assertThat(agreement.shareWithin10()).isEqualTo(0.25);
    assertThat(agreement.disagreements())
        .extracting(ReviewPair::attemptId)
        .containsExactly(ids.get(2), ids.get(3));
    ReviewPair widest = agreement.disagreements().get(1);
    assertThat(widest.firstScore()).isEqualTo(40);
    assertThat(widest.secondScore()).isEqualTo(80);
    assertThat(widest.firstReviewer()).isEqualTo(coach);
    assertThat(widest.secondReviewer()).isEqualTo(admin);
    assertThat(widest.questionText()).isEqualTo(serving.text());
    assertThat(
            http.toBlocking()
                .retrieve(asAdmin(HttpRequest.GET(path), admin), ReviewAgreement.class)
                .pairs())
        .isEqualTo(4);
    assertProblem(http, asCoach(HttpRequest.GET(path), ana), 404, "id");
    assertProblem(http, asCandidate(HttpRequest.GET(path), candidate), 403, null);
  }

  @Test
  void theResultsCsvQuotesFieldsDefusesFormulasAndListsEveryAttempt() {
    QuestionPublished tricky =
        new QuestionPublished(
            UUID.randomUUID(),
            QuestionPublished.SCHEMA_VERSION,
            java.time.Instant.now(),
            "q-csv-" + run,
            serving.roleIds(),
            serving.skillId(),
            serving.level(),
            "Roll out \"v2\", then\nwatch it: how?",
            serving.concepts(),
            serving.redFlags(),
            "OPEN",
            null,
            List.of(),
            List.of(),
            null);
    publish(tricky);
    String coach = "coach-csv-" + run;
    CohortView cohort = cohort(coach, "CSV group");
    String plotter = "c-csv-" + run;
    http.toBlocking()
        .exchange(
            HttpRequest.POST("/api/cohort-memberships", Map.of("joinCode", cohort.joinCode()))
                .bearerAuth(GatewayTokens.named(plotter, "CANDIDATE", "=HYPERLINK(\"x\")")));
    AttemptView first = answer(plotter, MANUAL);
    AttemptView second =
        http.toBlocking()
            .retrieve(
                asCandidate(
                    HttpRequest.POST(
                        "/api/attempts",
                        Map.of("questionId", tricky.questionId(), "answerText", MANUAL)),
                    plotter),
                AttemptView.class);
    review(second.id(), coach, Map.of("overrideScore", 42, "reason", "Some of it."));

    HttpResponse<String> csv =
        http.toBlocking()
            .exchange(
                asCoach(
                    HttpRequest.GET("/api/coach/cohorts/" + cohort.id() + "/results.csv"), coach),
                String.class);
    assertThat(csv.getContentType().orElseThrow().toString()).startsWith("text/csv");
    assertThat(csv.header(HttpHeaders.CONTENT_DISPOSITION))
        .startsWith("attachment; filename=\"cohort-" + cohort.id());
    String body = csv.body();
    assertThat(body)
        .startsWith(
            "candidate,candidate_id,question_id,question,skill,machine_score,reviewed_score,date\r\n");
    // the name starts a formula: defused with an apostrophe, then quoted for its quotes
    String name = "\"'=HYPERLINK(\"\"x\"\")\"";
    assertThat(body)
        .contains(
            name
                + ","
                + plotter
                + ","
                + serving.questionId()
                + ","
                + quoted(serving.text())
                + ","
                + "model-serving,"
                + first.machineScore()
                + ",,"
                + seconds(first))
        .contains(
            name
                + ","
                + plotter
                + ","
                + tricky.questionId()
                + ","
                + "\"Roll out \"\"v2\"\", then\nwatch it: how?\",model-serving,"
                + second.machineScore()
                + ",42,"
                + seconds(second));
    assertThat(body.split("\r\n")).hasSize(3);

    String path = "/api/coach/cohorts/" + cohort.id() + "/results.csv";
    assertProblem(http, asCoach(HttpRequest.GET(path), ana), 404, "id");
    assertProblem(http, asCandidate(HttpRequest.GET(path), plotter), 403, null);
  }

  @Test
  void erasingACandidateErasesReviewsOfTheirAttemptsAndACoachKeepsOnlyTheMarks() {
    String candidate = "c-erase-" + run;
    String coach = "coach-gone-" + run;
    CohortView cohort = cohort(coach, "Leaving coach's group");
    join(candidate, cohort);
    join(candidate, bensCohort);
    AttemptView erased = answer(candidate, MANUAL);
    review(erased.id(), coach, Map.of("overrideScore", 70, "reason", "Fine."));
    post(
        "/api/coach/attempts/" + erased.id() + "/second-review-requests",
        coach,
        Map.of("reviewerId", ben),
        SecondReviewView.class);
    String other = "c-stays-" + run;
    join(other, cohort);
    AttemptView kept = answer(other, MANUAL);
    post(
        "/api/attempts/" + kept.id() + "/reviews",
        coach,
        marks(true, false, true),
        ReviewResult.class);

    @SuppressWarnings("unchecked")
    Map<String, List<?>> coachExport = (Map<String, List<?>>) reviewData.export(coach);
    assertThat(coachExport.get("reviews")).hasSize(2);
    assertThat(coachExport.get("secondReviews")).hasSize(1);
    @SuppressWarnings("unchecked")
    Map<String, List<?>> candidateExport = (Map<String, List<?>>) reviewData.export(candidate);
    assertThat(candidateExport.get("reviews")).hasSize(1);

    reviewData.erase(candidate);
    reviewData.erase(candidate); // a second erasure is harmless
    assertThat(reviews.findByAttemptIdOrderByCreatedAt(erased.id())).isEmpty();
    assertThat(requests.findByCandidateIdAndSecondReviewIdIsNull(candidate)).isEmpty();

    reviewData.erase(coach);
    List<AttemptReview> left = reviews.findByAttemptIdOrderByCreatedAt(kept.id());
    assertThat(left).hasSize(1);
    assertThat(left.get(0).coachId()).isNull();
    assertThat(left.get(0).marks()).hasSize(3);
    assertThat(left.get(0).overrideScore()).isEqualTo(55);
    assertThat(reviews.findByCandidateIdOrCoachIdOrderByCreatedAt(coach, coach)).isEmpty();
  }

  /** The date column to the second (PostgreSQL rounds the nanoseconds to microseconds). */
  private static String seconds(AttemptView attempt) {
    return attempt.createdAt().toString().substring(0, 19);
  }

  private static String quoted(String text) {
    return text.contains(",") ? "\"" + text + "\"" : text;
  }

  /** A body marking canary, rollback and monitoring, each with a reason. */
  private static Map<String, Object> marks(boolean canary, boolean rollback, boolean monitoring) {
    Map<String, Object> body = new HashMap<>();
    body.put(
        "marks",
        new java.util.ArrayList<>(
            List.of(
                mark("canary", canary),
                mark("rollback", rollback),
                mark("monitoring", monitoring))));
    return body;
  }

  private static Map<String, Object> mark(String concept, boolean covered) {
    return Map.of("concept", concept, "covered", covered, "reason", "Reason for " + concept);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> listOf(Map<String, Object> body) {
    return (List<Object>) body.get("marks");
  }

  private MarkedScore preview(UUID attemptId, String coach, Map<String, Object> body) {
    return post("/api/attempts/" + attemptId + "/reviews/preview", coach, body, MarkedScore.class);
  }

  private void review(UUID attemptId, String coach, Map<String, Object> body) {
    post("/api/attempts/" + attemptId + "/reviews", coach, new HashMap<>(body), ReviewResult.class);
  }

  private List<SecondReviewView> queue(String coach) {
    return http.toBlocking()
        .retrieve(
            asCoach(HttpRequest.GET("/api/coach/second-reviews"), coach),
            Argument.listOf(SecondReviewView.class));
  }

  private <T> T post(String path, String coach, Map<String, Object> body, Class<T> type) {
    return http.toBlocking().retrieve(staff(HttpRequest.POST(path, body), coach), type);
  }

  private <T> T get(String path, String coach, Class<T> type) {
    return http.toBlocking().retrieve(staff(HttpRequest.GET(path), coach), type);
  }

  private <T> MutableHttpRequest<T> staff(MutableHttpRequest<T> request, String who) {
    return who.equals(admin) ? asAdmin(request, who) : asCoach(request, who);
  }

  private CohortView cohort(String coach, String name) {
    return http.toBlocking()
        .retrieve(
            asCoach(HttpRequest.POST("/api/coach/cohorts", Map.of("name", name)), coach),
            CohortView.class);
  }

  private void join(String candidate, CohortView cohort) {
    http.toBlocking()
        .exchange(
            asCandidate(
                HttpRequest.POST("/api/cohort-memberships", Map.of("joinCode", cohort.joinCode())),
                candidate));
  }

  private AttemptView answer(String candidate, String text) {
    return http.toBlocking()
        .retrieve(
            asCandidate(
                HttpRequest.POST(
                    "/api/attempts",
                    Map.of("questionId", serving.questionId(), "answerText", text)),
                candidate),
            AttemptView.class);
  }
}
