package dev.rehearse.assessment.assignment;

import static dev.rehearse.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.rehearse.assessment.AssessmentTestBase;
import dev.rehearse.assessment.assignment.MemberProgress.Status;
import dev.rehearse.assessment.coachquestion.CoachQuestionView;
import dev.rehearse.assessment.cohort.CohortView;
import dev.rehearse.assessment.scoring.AttemptView;
import dev.rehearse.contracts.SessionCompleted;
import dev.rehearse.contracts.Topics;
import dev.rehearse.testsupport.KafkaProbe;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A coach sets a cohort a session or a practice set and sees who is done (from SessionCompleted
 * events on Kafka, or from the attempts), with scores, and who is late; members see their own.
 */
@MicronautTest(
    transactional = false) // what the test writes (a due date moved back), the service sees
class AssignmentTest extends AssessmentTestBase {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject AssignmentRepository assignments;
  @Inject AssignmentData data;

  final String run = UUID.randomUUID().toString().substring(0, 8);
  final String coach = "acoach-" + run;
  final String early = "early-" + run;
  final String tardy = "tardy-" + run;
  final String idle = "idle-" + run;

  @Test
  void aSessionAssignmentIsDoneWhenItsSessionCompletesAndLateAfterTheDueDate() {
    CohortView cohort = cohortJoinedBy(http, coach, early, tardy, idle);
    Map<String, Object> body = session(Instant.now().plus(1, ChronoUnit.DAYS));
    body.put("skills", List.of(question().skillId()));
    body.put("thinkingSeconds", 20);
    AssignmentView set = create(coach, cohort.id(), body);
    assertThat(set.template().questionCount()).isEqualTo(Assignments.DEFAULT_QUESTION_COUNT);
    assertThat(set.template().roleId()).isEqualTo(question().roleIds().get(0));
    assertThat(set.members())
        .extracting(MemberProgress::status)
        .containsOnly(Status.NOT_STARTED)
        .hasSize(3);

    Instant finished = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    UUID session = UUID.randomUUID();
    SessionCompleted done = completed(early, set.id(), session, 72, finished);
    KafkaProbe.send(Topics.ASSESSMENT_SESSIONS, early, toJson(done));
    KafkaProbe.send(Topics.ASSESSMENT_SESSIONS, early, toJson(done)); // redelivered: no change
    // a session by someone outside the cohort completes nothing
    KafkaProbe.send(
        Topics.ASSESSMENT_SESSIONS,
        "stranger-" + run,
        toJson(completed("stranger-" + run, set.id(), UUID.randomUUID(), 90, finished)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> of(coach, set.id(), early).status() == Status.DONE);
    MemberProgress earlyDone = of(coach, set.id(), early);
    assertThat(earlyDone.score()).isEqualTo(72);
    assertThat(earlyDone.sessionId()).isEqualTo(session);
    assertThat(earlyDone.finishedAt()).isEqualTo(finished);
    assertThat(earlyDone.doneLate()).isFalse();
    assertThat(of(coach, set.id(), tardy).status()).isEqualTo(Status.NOT_STARTED);

    // time passes: the due date is behind us
    Assignment stored = assignments.findById(set.id()).orElseThrow();
    assignments.update(withDueAt(stored, finished.plusMillis(1)));
    assertThat(assignments.findById(set.id()).orElseThrow().dueAt())
        .isEqualTo(finished.plusMillis(1));
    assertThat(of(coach, set.id(), tardy).status()).isEqualTo(Status.LATE);
    assertThat(of(coach, set.id(), early).status()).isEqualTo(Status.DONE);

    KafkaProbe.send(
        Topics.ASSESSMENT_SESSIONS,
        tardy,
        toJson(completed(tardy, set.id(), UUID.randomUUID(), null, Instant.now())));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> of(coach, set.id(), tardy).status() == Status.DONE);
    assertThat(of(coach, set.id(), tardy).doneLate()).isTrue();
    assertThat(of(coach, set.id(), tardy).score()).isNull();
    assertThat(of(coach, set.id(), idle).status()).isEqualTo(Status.LATE);
    assertThat(one(coach, set.id()).members())
        .extracting(MemberProgress::candidateId)
        .doesNotContain("stranger-" + run);

    CandidateAssignment mine =
        mine(early).stream().filter(a -> a.id().equals(set.id())).findFirst().orElseThrow();
    assertThat(mine.progress().status()).isEqualTo(Status.DONE);
    assertThat(mine.template().thinkingSeconds()).isEqualTo(20);
    assertThat(mine.cohortName()).isEqualTo(cohort.name());
    assertThat(mine(idle)).extracting(CandidateAssignment::id).contains(set.id());
    assertThat(mine("stranger-" + run)).isEmpty();

    // the candidate's data: their completion is exported and erased; the coach's assignments too
    assertThat(data.export(early).completed())
        .singleElement()
        .satisfies(c -> assertThat(c.sessionId()).isEqualTo(session));
    data.erase(early);
    data.erase(early);
    assertThat(data.export(early).completed()).isEmpty();
    assertThat(of(coach, set.id(), early).status()).isEqualTo(Status.LATE);
    assertThat(data.export(coach).set()).extracting(Assignment::id).contains(set.id());
    data.erase(coach);
    assertThat(data.export(coach).set()).isEmpty();
    assertThat(data.export(tardy).completed()).isEmpty();
    assertProblem(
        http, asCoach(HttpRequest.GET("/api/coach/assignments/" + set.id()), coach), 404, "id");
  }

  @Test
  void aPracticeSetIsDoneWhenEveryQuestionHasAnAttemptMadeAfterItWasSet() {
    CohortView cohort = cohortJoinedBy(http, coach, early, idle);
    CoachQuestionView own = ownQuestion(coach, cohort.id());
    answer(
        http,
        early,
        question().questionId(),
        "Before the set: a canary and a rollback."); // too soon
    Map<String, Object> body = practice(List.of(question().questionId(), own.id()));
    AssignmentView set = create(coach, cohort.id(), body);
    assertThat(of(coach, set.id(), early).answered()).isZero();

    AttemptView first =
        answer(
            http,
            early,
            question().questionId(),
            "A canary on 5% of traffic, watch latency, roll back.");
    assertThat(of(coach, set.id(), early).status()).isEqualTo(Status.NOT_STARTED);
    assertThat(of(coach, set.id(), early).answered()).isEqualTo(1);
    AttemptView second =
        answer(http, early, own.id(), "Dynamic batching and autoscaling on queue depth.");
    MemberProgress done = of(coach, set.id(), early);
    assertThat(done.status()).isEqualTo(Status.DONE);
    assertThat(done.answered()).isEqualTo(2);
    assertThat(done.score()).isEqualTo(Math.round((first.score() + second.score()) / 2f));
    assertThat(done.finishedAt()).isCloseTo(second.createdAt(), within(1, ChronoUnit.MILLIS));
    assertThat(of(coach, set.id(), idle).status()).isEqualTo(Status.NOT_STARTED);

    // a better answer later raises the score to the best attempts' average
    AttemptView better =
        answer(
            http,
            early,
            question().questionId(),
            "Roll out with a canary: send 5% of traffic to the new version, watch latency, error"
                + " rate and drift for an hour, then widen to 25% and 100%. Roll back to the"
                + " previous version automatically if p99 latency rises above 200 ms.");
    int best = Math.max(first.score(), better.score());
    assertThat(of(coach, set.id(), early).score())
        .isEqualTo(Math.round((best + second.score()) / 2f));

    CandidateAssignment mine =
        mine(early).stream().filter(a -> a.id().equals(set.id())).findFirst().orElseThrow();
    assertThat(mine.kind()).isEqualTo(AssignmentKind.PRACTICE_SET);
    assertThat(mine.template().questionIds()).containsExactly(question().questionId(), own.id());
    assertThat(mine.progress().status()).isEqualTo(Status.DONE);

    // withdrawn: gone for everyone; only its coach may withdraw it
    assertProblem(
        http,
        asCoach(HttpRequest.DELETE("/api/coach/assignments/" + set.id()), "x-" + run),
        404,
        "id");
    assertThat(
            http.toBlocking()
                .retrieve(
                    asAdmin(HttpRequest.GET("/api/coach/assignments/" + set.id()), "admin-" + run),
                    AssignmentView.class)
                .id())
        .isEqualTo(set.id());
    http.toBlocking()
        .exchange(asCoach(HttpRequest.DELETE("/api/coach/assignments/" + set.id()), coach));
    assertThat(mine(early)).extracting(CandidateAssignment::id).doesNotContain(set.id());
    assertThat(list(coach, cohort.id())).extracting(AssignmentView::id).doesNotContain(set.id());
  }

  @Test
  void badAssignmentsAreClearProblemsAndOtherCoachesReachNothing() {
    CohortView cohort = cohortJoinedBy(http, coach, early);
    CohortView elsewhere = cohortJoinedBy(http, "elsewhere-" + run);
    CoachQuestionView notShared = ownQuestion(coach, cohortJoinedBy(http, coach).id());
    String path = "/api/coach/cohorts/" + cohort.id() + "/assignments";

    assertProblem(
        http,
        asCoach(HttpRequest.POST(path, session(Instant.now().minus(1, ChronoUnit.HOURS))), coach),
        400,
        "dueAt");
    assertProblem(
        http, asCoach(HttpRequest.POST(path, practice(List.of())), coach), 400, "questionIds");
    Map<String, Object> noQuestions = practice(List.of());
    noQuestions.remove("questionIds");
    assertProblem(http, asCoach(HttpRequest.POST(path, noQuestions), coach), 400, "questionIds");
    Map<String, Object> unknownRole = session(Instant.now().plus(1, ChronoUnit.DAYS));
    unknownRole.put("roleId", "no-such-role-" + run);
    assertProblem(http, asCoach(HttpRequest.POST(path, unknownRole), coach), 400, "roleId");
    Map<String, Object> unknownSkill = session(Instant.now().plus(1, ChronoUnit.DAYS));
    unknownSkill.put("skills", List.of("no-such-skill"));
    assertProblem(http, asCoach(HttpRequest.POST(path, unknownSkill), coach), 400, "skills");
    assertProblem(
        http,
        asCoach(HttpRequest.POST(path, practice(List.of("no-such-question-" + run))), coach),
        400,
        "questionIds");
    assertProblem(
        http,
        asCoach(HttpRequest.POST(path, practice(List.of(notShared.id()))), coach),
        400,
        "questionIds");
    Map<String, Object> tooMany = session(Instant.now().plus(1, ChronoUnit.DAYS));
    tooMany.put("questionCount", 500);
    assertProblem(http, asCoach(HttpRequest.POST(path, tooMany), coach), 400, "questionCount");
    Map<String, Object> noKind = session(Instant.now().plus(1, ChronoUnit.DAYS));
    noKind.remove("kind");
    assertProblem(http, asCoach(HttpRequest.POST(path, noKind), coach), 400, "kind");

    String theirs = "/api/coach/cohorts/" + elsewhere.id() + "/assignments";
    assertProblem(
        http,
        asCoach(HttpRequest.POST(theirs, session(Instant.now().plus(1, ChronoUnit.DAYS))), coach),
        404,
        "cohortId");
    assertProblem(http, asCoach(HttpRequest.GET(theirs), coach), 404, "cohortId");
    AssignmentView set =
        create(coach, cohort.id(), session(Instant.now().plus(1, ChronoUnit.DAYS)));
    assertProblem(
        http,
        asCoach(HttpRequest.GET("/api/coach/assignments/" + set.id()), "elsewhere-" + run),
        404,
        "id");
    assertProblem(
        http,
        asCandidate(HttpRequest.POST(path, session(Instant.now().plus(1, ChronoUnit.DAYS))), early),
        403,
        null);
    assertProblem(
        http, asCandidate(HttpRequest.GET("/api/coach/assignments/" + set.id()), early), 403, null);
    assertThat(list(coach, cohort.id())).extracting(AssignmentView::id).containsExactly(set.id());
  }

  private Map<String, Object> session(Instant dueAt) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", "Mock interview " + run);
    body.put("kind", "SESSION");
    body.put("roleId", question().roleIds().get(0));
    body.put("dueAt", dueAt.toString());
    return body;
  }

  private Map<String, Object> practice(List<String> questionIds) {
    Map<String, Object> body = session(Instant.now().plus(2, ChronoUnit.DAYS));
    body.put("title", "Practice set " + run);
    body.put("kind", "PRACTICE_SET");
    body.put("questionIds", questionIds);
    return body;
  }

  private static SessionCompleted completed(
      String candidate, UUID assignmentId, UUID sessionId, Integer score, Instant at) {
    return new SessionCompleted(
        UUID.randomUUID(),
        SessionCompleted.SCHEMA_VERSION,
        at,
        sessionId,
        candidate,
        "ml-infrastructure-engineer",
        assignmentId,
        5,
        5,
        0,
        score);
  }

  private static Assignment withDueAt(Assignment a, Instant dueAt) {
    return new Assignment(
        a.id(),
        a.cohortId(),
        a.coachId(),
        a.title(),
        a.kind(),
        a.roleId(),
        a.skills(),
        a.level(),
        a.questionCount(),
        a.questionIds(),
        a.thinkingSeconds(),
        a.answerSeconds(),
        dueAt,
        a.createdAt());
  }

  private CoachQuestionView ownQuestion(String author, UUID cohortId) {
    return http.toBlocking()
        .retrieve(
            asCoach(
                HttpRequest.POST(
                    "/api/coach/questions",
                    Map.of(
                        "cohortIds", List.of(cohortId),
                        "skillId", question().skillId(),
                        "text", "How do you absorb a traffic burst on a model server?",
                        "modelAnswer",
                            "Batch requests dynamically and autoscale replicas on queue depth.",
                        "type", "OPEN")),
                author),
            CoachQuestionView.class);
  }

  private AssignmentView create(String who, UUID cohortId, Map<String, Object> body) {
    return http.toBlocking()
        .retrieve(
            asCoach(HttpRequest.POST("/api/coach/cohorts/" + cohortId + "/assignments", body), who),
            AssignmentView.class);
  }

  private AssignmentView one(String who, UUID id) {
    return http.toBlocking()
        .retrieve(
            asCoach(HttpRequest.GET("/api/coach/assignments/" + id), who), AssignmentView.class);
  }

  private MemberProgress of(String who, UUID id, String candidate) {
    return one(who, id).members().stream()
        .filter(m -> m.candidateId().equals(candidate))
        .findFirst()
        .orElseThrow();
  }

  private List<AssignmentView> list(String who, UUID cohortId) {
    return http.toBlocking()
        .retrieve(
            asCoach(HttpRequest.GET("/api/coach/cohorts/" + cohortId + "/assignments"), who),
            Argument.listOf(AssignmentView.class));
  }

  private List<CandidateAssignment> mine(String candidate) {
    return http.toBlocking()
        .retrieve(
            asCandidate(HttpRequest.GET("/api/assignments"), candidate),
            Argument.listOf(CandidateAssignment.class));
  }
}
