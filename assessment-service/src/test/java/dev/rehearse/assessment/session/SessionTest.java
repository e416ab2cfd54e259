package dev.rehearse.assessment.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rehearse.assessment.AssessmentTestBase;
import dev.rehearse.assessment.cohort.CohortView;
import dev.rehearse.assessment.scoring.AttemptRepository;
import dev.rehearse.assessment.scoring.AttemptView;
import dev.rehearse.assessment.session.SessionView.Phase;
import dev.rehearse.contracts.QuestionPublished;
import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import dev.rehearse.contracts.SessionCompleted;
import dev.rehearse.contracts.Topics;
import dev.rehearse.contracts.TranscriptReady;
import dev.rehearse.testsupport.KafkaProbe;
import dev.rehearse.testsupport.Problems;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mock interviews over HTTP with the real database and broker: which questions come first, the
 * clock across pauses, typed and spoken answers, completion, the report and who may read it.
 */
@MicronautTest(transactional = false)
class SessionTest extends AssessmentTestBase {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject MockSessionRepository sessions;
  @Inject SessionQuestionRepository questions;
  @Inject SessionPersonalData personalData;
  @Inject AttemptRepository attempts;

  final String run = UUID.randomUUID().toString().substring(0, 8);
  final String role = "role-" + run;
  final String skillA = "skill-a-" + run;
  final String skillB = "skill-b-" + run;
  final String skillC = "skill-c-" + run;
  final String a1 = "a1-" + run; // OPEN, skill A, concept canary
  final String a2 = "a2-" + run; // SCENARIO, skill A, concept rollback
  final String b1 = "b1-" + run; // OPEN, skill B, concept latency
  final String b2 = "b2-" + run; // SCENARIO, skill B, concept drift
  final String c1 = "c1-" + run; // OPEN, skill C, concept sharding
  final String c2 = "c2-" + run; // OPEN, skill C, Advanced, concept replica
  final String quiz = "quiz-" + run; // QUIZ of skill A: practice, never in a session
  final String own = "own-" + run; // OPEN with no role, as a coach's own question

  @BeforeAll
  void publishTheRole() {
    publish(item(a1, "OPEN", skillA, "Intermediate", "canary", List.of(role)));
    publish(item(a2, "SCENARIO", skillA, "Intermediate", "rollback", List.of(role)));
    publish(item(b1, "OPEN", skillB, "Intermediate", "latency", List.of(role)));
    publish(item(b2, "SCENARIO", skillB, "Intermediate", "drift", List.of(role)));
    publish(item(c1, "OPEN", skillC, "Intermediate", "sharding", List.of(role)));
    publish(item(c2, "OPEN", skillC, "Advanced", "replica", List.of(role)));
    publish(item(quiz, "QUIZ", skillA, "Beginner", "canary", List.of(role)));
    publish(item(own, "OPEN", skillA, "Intermediate", "shadow", List.of()));
  }

  @Test
  void unseenQuestionsComeFirstThenTheWeakestSubSkillsWithBothTypesInTheMix() {
    String candidate = "c-order-" + run;
    answer(candidate, a1, "We release to a canary first.", null); // skill A strong
    answer(candidate, b1, "I am not sure.", null); // skill B weak; skill C never answered

    SessionView session = create(candidate, Map.of("roleId", role, "questionCount", 4));
    assertThat(session.status()).isEqualTo(MockSession.Status.OPEN);
    assertThat(session.thinkingSeconds()).isEqualTo(30);
    assertThat(session.answerSeconds()).isEqualTo(180);
    List<String> ids = ids(session);
    assertThat(ids.subList(0, 2)).as("skill C, never answered").containsExactlyInAnyOrder(c1, c2);
    assertThat(ids.subList(2, 4)).as("then B (weak), then A (strong)").containsExactly(b2, a2);
    assertThat(session.questions())
        .extracting(SessionView.Question::position)
        .containsExactly(1, 2, 3, 4);
    assertThat(session.questions())
        .allSatisfy(q -> assertThat(q.status()).isEqualTo(SessionQuestion.Status.PENDING));
    assertThat(session.current().phase()).isEqualTo(Phase.NOT_STARTED);
    assertThat(session.current().questionId()).isEqualTo(ids.get(0));

    // skills C and A: both of C come first but are OPEN, so the last place goes to a scenario
    SessionView mixed =
        create(
            candidate,
            Map.of("roleId", role, "questionCount", 2, "skills", List.of(skillC, skillA)));
    assertThat(ids(mixed).get(0)).isIn(c1, c2);
    assertThat(ids(mixed).get(1)).isEqualTo(a2);

    SessionView advanced =
        create(
            candidate,
            Map.of(
                "roleId",
                role,
                "questionCount",
                1,
                "skills",
                List.of(skillC),
                "level",
                "Advanced"));
    assertThat(ids(advanced)).containsExactly(c2);
    assertThat(mine(candidate))
        .extracting(SessionSummary::id)
        .containsExactly(advanced.id(), mixed.id(), session.id());
  }

  @Test
  void badRequestsAreRefusedWithProblems() {
    String c = "c-bad-" + run;
    assertProblem(c, Map.of("roleId", "no-such-role"), "roleId");
    assertProblem(c, Map.of("roleId", role, "questionCount", 0), "questionCount");
    assertProblem(c, Map.of("roleId", role, "questionCount", 16), "questionCount");
    assertProblem(c, Map.of("roleId", role, "questionCount", 7), "questionCount"); // role has 6
    assertProblem(
        c,
        Map.of("roleId", role, "questionCount", 2, "skills", List.of(skillC), "level", "Advanced"),
        "questionCount");
    assertProblem(c, Map.of("roleId", role, "level", "Guru"), "level");
    assertProblem(c, Map.of("roleId", role, "thinkingSeconds", -1), "thinkingSeconds");
    assertProblem(c, Map.of("roleId", role, "questionIds", List.of(quiz)), "questionIds[0]");
    assertProblem(c, Map.of("roleId", role, "questionIds", List.of(a1, "nope")), "questionIds[1]");
    assertProblem(c, Map.of("roleId", role, "assignmentId", "not-a-uuid"), null);
    assertThat(mine(c)).isEmpty();
    Problems.assertProblem(
        http, HttpRequest.POST("/api/sessions", Map.of("roleId", role)), 401, "Authorization");
  }

  @Test
  void typedAnswersAndASkipCompleteTheSessionWhichIsAnnouncedOnce() {
    String candidate = "c-typed-" + run;
    UUID assignment = UUID.randomUUID();
    SessionView session =
        create(
            candidate,
            Map.of(
                "roleId",
                role,
                "questionIds",
                List.of(own, b2),
                "answerSeconds",
                60,
                "assignmentId",
                assignment));
    assertThat(ids(session))
        .as("named questions, in order, a role-less one too")
        .containsExactly(own, b2);
    assertThat(session.assignmentId()).isEqualTo(assignment);

    SessionView started =
        post(candidate, "/api/sessions/" + session.id() + "/questions/" + own + "/start");
    assertThat(started.current().phase()).isEqualTo(Phase.THINKING);
    assertThat(started.current().secondsLeft()).isBetween(29L, 30L);

    AttemptView attempt =
        answer(candidate, own, "I would run the new model in shadow mode.", session.id());
    SessionView after = get(candidate, session.id());
    assertThat(after.questions().get(0).status()).isEqualTo(SessionQuestion.Status.ANSWERED);
    assertThat(after.questions().get(0).attemptId()).isEqualTo(attempt.id());
    assertThat(after.questions().get(0).score()).isEqualTo(attempt.score());
    assertThat(after.current().questionId()).isEqualTo(b2);

    assertAnswerRefused(candidate, own, session.id(), 400, "questionId"); // answered already
    assertAnswerRefused(candidate, c1, session.id(), 400, "questionId"); // not in the session
    assertAnswerRefused("c-intruder-" + run, b2, session.id(), 404, "sessionId");
    assertRefused(
        "c-intruder-" + run,
        "/api/sessions/" + session.id() + "/questions/" + b2 + "/skip",
        404,
        "id");
    assertRefused(
        candidate, "/api/sessions/" + session.id() + "/questions/nope/skip", 404, "questionId");

    try (KafkaProbe probe = new KafkaProbe(Topics.ASSESSMENT_SESSIONS)) {
      SessionView done =
          post(candidate, "/api/sessions/" + session.id() + "/questions/" + b2 + "/skip");
      assertThat(done.status()).isEqualTo(MockSession.Status.COMPLETED);
      assertThat(done.completedAt()).isNotNull();
      assertThat(done.current()).isNull();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !probe.records(r -> r.value().contains(session.id().toString())).isEmpty());
      var records = probe.records(r -> r.value().contains(session.id().toString()));
      assertThat(records).hasSize(1);
      assertThat(records.get(0).key()).isEqualTo(candidate);
      SessionCompleted event = fromJson(records.get(0).value(), SessionCompleted.class);
      assertThat(event.candidateId()).isEqualTo(candidate);
      assertThat(event.roleId()).isEqualTo(role);
      assertThat(event.assignmentId()).isEqualTo(assignment);
      assertThat(event.questionCount()).isEqualTo(2);
      assertThat(event.answered()).isEqualTo(1);
      assertThat(event.skipped()).isEqualTo(1);
      assertThat(event.averageScore()).isEqualTo(attempt.score());
    }
    assertAnswerRefused(candidate, b2, session.id(), 400, "sessionId"); // completed
    assertRefused(candidate, "/api/sessions/" + session.id() + "/pause", 400, "id");
  }

  @Test
  void aSpokenAnswerNamingTheSessionIsLinkedWhenItsTranscriptIsScored() {
    String candidate = "c-spoken-" + run;
    SessionView session = create(candidate, Map.of("roleId", role, "questionIds", List.of(a1)));
    UUID attemptId = UUID.randomUUID();
    TranscriptReady t =
        transcript(attemptId, candidate, a1, "First a canary with five percent of traffic.");
    send(withSession(t, session.id()));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> get(candidate, session.id()).status() == MockSession.Status.COMPLETED);
    SessionReport report = report(candidate, session.id());
    assertThat(report.questions().get(0).attempt().id()).isEqualTo(attemptId);
    assertThat(report.questions().get(0).attempt().mode()).isEqualTo("SPOKEN");
    assertThat(report.delivery()).hasSize(1);
    assertThat(report.delivery().get(0).wordsPerMinute()).isEqualTo(128);
    assertThat(report.delivery().get(0).fillerCount()).isEqualTo(1);

    // another candidate's transcript naming this session is scored as practice, not linked
    SessionView other = create(candidate, Map.of("roleId", role, "questionIds", List.of(a2)));
    UUID stray = UUID.randomUUID();
    send(withSession(transcript(stray, "c-stranger-" + run, a2, "roll back"), other.id()));
    await().atMost(Duration.ofSeconds(30)).until(() -> attempts.findById(stray).isPresent());
    assertThat(get(candidate, other.id()).questions().get(0).status())
        .isEqualTo(SessionQuestion.Status.PENDING);
  }

  @Test
  void aPausedSessionKeepsItsRemainingTimeAndTakesNoAnswers() {
    String candidate = "c-pause-" + run;
    SessionView session =
        create(
            candidate, Map.of("roleId", role, "questionIds", List.of(c1), "thinkingSeconds", 30));
    post(candidate, "/api/sessions/" + session.id() + "/questions/" + c1 + "/start");
    SessionView paused = post(candidate, "/api/sessions/" + session.id() + "/pause");
    assertThat(paused.status()).isEqualTo(MockSession.Status.PAUSED);
    assertAnswerRefused(candidate, c1, session.id(), 400, "sessionId");
    assertRefused(
        candidate, "/api/sessions/" + session.id() + "/questions/" + c1 + "/skip", 400, "id");

    // as if the question started 40 s ago and the pause began 20 s ago: 10 s of thinking left
    Instant now = Instant.now();
    MockSession s = sessions.findById(session.id()).orElseThrow();
    sessions.update(s.with(MockSession.Status.PAUSED, now.minusSeconds(20), null));
    SessionQuestion q = questions.findBySessionIdOrderByPosition(session.id()).get(0);
    questions.update(q.with(q.status(), now.minusSeconds(40), null));

    SessionView stillPaused = get(candidate, session.id());
    assertThat(stillPaused.current().phase()).isEqualTo(Phase.THINKING);
    assertThat(stillPaused.current().secondsLeft()).isBetween(9L, 10L);
    SessionView resumed = post(candidate, "/api/sessions/" + session.id() + "/resume");
    assertThat(resumed.status()).isEqualTo(MockSession.Status.OPEN);
    assertThat(resumed.current().phase())
        .as("the 20 s paused do not count")
        .isEqualTo(Phase.THINKING);
    assertThat(resumed.current().secondsLeft()).isBetween(9L, 10L);
    assertThat(post(candidate, "/api/sessions/" + session.id() + "/resume").current().secondsLeft())
        .as("resuming twice is resuming once")
        .isBetween(9L, 10L);
    answer(candidate, c1, "Sharding splits the data.", session.id());
    assertThat(get(candidate, session.id()).status()).isEqualTo(MockSession.Status.COMPLETED);
  }

  @Test
  void theReportShowsScoresSkillsStrengthsWorkOnAndTheChangeSinceTheLastSession() {
    String candidate = "c-report-" + run;
    String coach = "coach-" + run;
    SessionView first = create(candidate, Map.of("roleId", role, "questionIds", List.of(a1, b1)));
    AttemptView firstA = answer(candidate, a1, "Start with a canary release.", first.id());
    AttemptView firstB = answer(candidate, b1, "No idea.", first.id());
    SessionView second = create(candidate, Map.of("roleId", role, "questionIds", List.of(a1, b1)));
    AttemptView secondA = answer(candidate, a1, "Deploy it everywhere at once.", second.id());
    AttemptView secondB = answer(candidate, b1, "Watch the latency of every request.", second.id());
    assertThat(secondB.score()).isPositive();
    assertThat(secondA.score()).isZero();

    SessionReport report = report(candidate, second.id());
    assertThat(report.status()).isEqualTo(MockSession.Status.COMPLETED);
    assertThat(report.questions())
        .extracting(SessionReport.QuestionResult::questionId)
        .containsExactly(a1, b1);
    assertThat(report.questions().get(1).attempt().feedback()).isNotEmpty();
    assertThat(report.averageScore())
        .isEqualTo(Math.round((secondA.score() + secondB.score()) / 2f));
    assertThat(report.skills())
        .containsExactly(
            new SessionReport.SkillSummary(skillA, secondA.score(), 1),
            new SessionReport.SkillSummary(skillB, secondB.score(), 1));
    assertThat(report.strengths())
        .extracting(SessionReport.Strength::label)
        .containsExactly("latency");
    assertThat(report.workOn()).hasSize(1);
    SessionReport.WorkOn workOn = report.workOn().get(0);
    assertThat(workOn.skillId()).isEqualTo(skillA);
    assertThat(workOn.missedConcepts()).containsExactly("canary");
    assertThat(workOn.practice())
        .extracting(SessionReport.PracticeItem::id)
        .as("public items of the skill not in this session; never a coach's own")
        .containsExactlyInAnyOrder(a2, quiz);
    assertThat(report.delivery()).isEmpty();

    SessionReport.Change change = report.change();
    assertThat(change.previousSessionId()).isEqualTo(first.id());
    int before = Math.round((firstA.score() + firstB.score()) / 2f);
    assertThat(change.previousAverage()).isEqualTo(before);
    assertThat(change.averageDelta()).isEqualTo(report.averageScore() - before);
    assertThat(change.skills())
        .containsExactly(
            new SessionReport.SkillChange(
                skillA, firstA.score(), secondA.score(), secondA.score() - firstA.score()),
            new SessionReport.SkillChange(
                skillB, firstB.score(), secondB.score(), secondB.score() - firstB.score()));
    assertThat(report(candidate, first.id()).change()).as("nothing before the first").isNull();

    // the candidate, a coach of one of their cohorts and admins read it; nobody else
    String path = "/api/sessions/" + second.id() + "/report";
    assertRefusedGet(asCandidate(HttpRequest.GET(path), "c-other-" + run));
    assertRefusedGet(asCoach(HttpRequest.GET(path), coach));
    assertRefusedGet(asCoach(HttpRequest.GET("/api/sessions/" + second.id()), coach));
    CohortView cohort =
        http.toBlocking()
            .retrieve(
                asCoach(HttpRequest.POST("/api/coach/cohorts", Map.of("name", "Sessions")), coach),
                CohortView.class);
    http.toBlocking()
        .exchange(
            asCandidate(
                HttpRequest.POST("/api/cohort-memberships", Map.of("joinCode", cohort.joinCode())),
                candidate));
    assertThat(
            http.toBlocking()
                .retrieve(asCoach(HttpRequest.GET(path), coach), SessionReport.class)
                .sessionId())
        .isEqualTo(second.id());
    assertThat(
            http.toBlocking()
                .retrieve(asAdmin(HttpRequest.GET(path), "admin-" + run), SessionReport.class)
                .sessionId())
        .isEqualTo(second.id());
    assertRefused(
        coach, "/api/sessions/" + second.id() + "/pause", 404, "id"); // reading is not running
  }

  @Test
  void sessionsAreExportedAndErasedWithTheAccount() {
    String candidate = "c-erase-" + run;
    SessionView session = create(candidate, Map.of("roleId", role, "questionIds", List.of(a1, c1)));
    answer(candidate, a1, "A canary first.", session.id());
    assertThat(personalData.section()).isEqualTo("sessions");
    List<SessionView> exported = personalData.export(candidate);
    assertThat(exported).extracting(SessionView::id).containsExactly(session.id());
    assertThat(exported.get(0).questions()).hasSize(2);

    personalData.erase(candidate);
    personalData.erase(candidate); // again: harmless
    assertThat(personalData.export(candidate)).isEmpty();
    assertThat(sessions.findById(session.id())).isEmpty();
    assertThat(questions.findBySessionIdOrderByPosition(session.id())).isEmpty();
    assertRefusedGet(asCandidate(HttpRequest.GET("/api/sessions/" + session.id()), candidate));
  }

  private QuestionPublished item(
      String id, String type, String skill, String level, String concept, List<String> roles) {
    return new QuestionPublished(
        UUID.randomUUID(),
        QuestionPublished.SCHEMA_VERSION,
        Instant.now(),
        id,
        roles,
        skill,
        level,
        "How would you handle task " + id + " in production?",
        "QUIZ".equals(type)
            ? List.of()
            : List.of(new RubricConcept("c", concept, 100, List.of(concept))),
        List.of(),
        type,
        null,
        List.of());
  }

  private SessionView create(String candidate, Map<String, Object> body) {
    var response =
        http.toBlocking()
            .exchange(
                asCandidate(HttpRequest.POST("/api/sessions", body), candidate), SessionView.class);
    assertThat(response.code()).isEqualTo(201);
    assertThat(response.header("Location")).isEqualTo("/api/sessions/" + response.body().id());
    return response.body();
  }

  private AttemptView answer(String candidate, String questionId, String text, UUID sessionId) {
    Map<String, Object> body = new HashMap<>(Map.of("questionId", questionId, "answerText", text));
    if (sessionId != null) {
      body.put("sessionId", sessionId);
    }
    return http.toBlocking()
        .retrieve(
            asCandidate(HttpRequest.POST("/api/attempts", body), candidate), AttemptView.class);
  }

  private SessionView get(String candidate, UUID id) {
    return http.toBlocking()
        .retrieve(
            asCandidate(HttpRequest.GET("/api/sessions/" + id), candidate), SessionView.class);
  }

  private SessionView post(String candidate, String path) {
    return http.toBlocking()
        .retrieve(asCandidate(HttpRequest.POST(path, Map.of()), candidate), SessionView.class);
  }

  private SessionReport report(String candidate, UUID id) {
    return http.toBlocking()
        .retrieve(
            asCandidate(HttpRequest.GET("/api/sessions/" + id + "/report"), candidate),
            SessionReport.class);
  }

  private List<SessionSummary> mine(String candidate) {
    return List.of(
        http.toBlocking()
            .retrieve(
                asCandidate(HttpRequest.GET("/api/sessions"), candidate), SessionSummary[].class));
  }

  private static List<String> ids(SessionView session) {
    return session.questions().stream().map(SessionView.Question::id).toList();
  }

  private void assertProblem(String candidate, Map<String, Object> body, String field) {
    Problems.assertProblem(
        http, asCandidate(HttpRequest.POST("/api/sessions", body), candidate), 400, field);
  }

  private void assertAnswerRefused(
      String candidate, String questionId, UUID sessionId, int status, String field) {
    Problems.assertProblem(
        http,
        asCandidate(
            HttpRequest.POST(
                "/api/attempts",
                Map.of("questionId", questionId, "answerText", "canary", "sessionId", sessionId)),
            candidate),
        status,
        field);
  }

  private void assertRefused(String caller, String path, int status, String field) {
    MutableHttpRequest<?> request =
        caller.startsWith("coach-")
            ? asCoach(HttpRequest.POST(path, Map.of()), caller)
            : asCandidate(HttpRequest.POST(path, Map.of()), caller);
    Problems.assertProblem(http, request, status, field);
  }

  private void assertRefusedGet(MutableHttpRequest<?> request) {
    Problems.assertProblem(http, request, 404, "id");
  }

  private void send(TranscriptReady t) {
    KafkaProbe.send(Topics.SPEECH_TRANSCRIPTS, t.attemptId().toString(), toJson(t));
  }

  private static TranscriptReady withSession(TranscriptReady t, UUID sessionId) {
    return new TranscriptReady(
        t.eventId(),
        t.schemaVersion(),
        t.occurredAt(),
        t.attemptId(),
        t.candidateId(),
        t.questionId(),
        t.text(),
        t.words(),
        t.durationSeconds(),
        t.fluency(),
        sessionId);
  }
}
