package dev.rehearse.assessment.coachquestion;

import static dev.rehearse.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rehearse.assessment.AssessmentTestBase;
import dev.rehearse.assessment.cohort.CohortView;
import dev.rehearse.assessment.scoring.AttemptRepository;
import dev.rehearse.assessment.scoring.AttemptView;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A coach's own question is scored like a pack question, is seen only by its author, the members of
 * the cohorts it is shared with and admins, never shows its answer key to a candidate, and is out
 * of the catalog topic's reach.
 */
@MicronautTest(transactional = false)
class CoachQuestionTest extends AssessmentTestBase {
  static final String MODEL_ANSWER =
      "Batch incoming requests dynamically with a small wait window so the GPU stays busy without"
          + " hurting latency. Autoscale replicas on queue depth rather than CPU use, and keep warm"
          + " spare capacity for sudden bursts. Shed or queue low-priority requests when the latency"
          + " budget is at risk, and alert on p99 latency.";

  @Inject
  @Client("/")
  HttpClient http;

  @Inject OwnQuestionsData ownQuestions;
  @Inject AttemptRepository attempts;

  final String run = UUID.randomUUID().toString().substring(0, 8);
  final String coach = "qcoach-" + run;
  final String member = "qmember-" + run;
  final String stranger = "qstranger-" + run;

  @Test
  void aParaphraseOfTheModelAnswerScoresWellAndAnUnrelatedAnswerLow() {
    CohortView cohort = cohortJoinedBy(http, coach, member);
    CoachQuestionView q = write(coach, draft(cohort.id(), null));
    assertThat(q.id()).startsWith("coach-");
    assertThat(q.modelAnswer()).isEqualTo(MODEL_ANSWER);

    AttemptView good =
        answer(
            http,
            member,
            q.id(),
            "I would group requests into dynamic batches, waiting only a few milliseconds, so the"
                + " accelerator is kept busy while latency stays fine. Replicas should scale on the"
                + " length of the request queue instead of CPU, with some warm headroom ready for"
                + " spikes. If the latency budget is threatened I would drop or delay the less"
                + " important requests, and I would alert on p99 latency.");
    AttemptView unrelated =
        answer(
            http,
            member,
            q.id(),
            "I enjoy hiking in the mountains at weekends and cooking pasta for my friends after.");
    System.out.printf(
        "coach question (key points): paraphrase %d, unrelated %d%n",
        good.score(), unrelated.score());
    assertThat(good.score()).isGreaterThanOrEqualTo(60);
    assertThat(good.conceptsHit()).allSatisfy(h -> assertThat(h.concept()).startsWith("kp-"));
    assertThat(unrelated.score()).isLessThanOrEqualTo(20);
    assertThat(good.skillId()).isEqualTo(question().skillId());

    // with a rubric, the rubric's concepts are what is scored
    CoachQuestionView rubric =
        write(
            coach,
            draft(
                cohort.id(),
                List.of(
                    Map.of("label", "Dynamic batching", "weight", 50, "synonyms", List.of("batch")),
                    Map.of(
                        "label",
                        "Autoscale on queue depth",
                        "weight",
                        50,
                        "synonyms",
                        List.of("queue length", "queue depth")))));
    assertThat(rubric.rubric()).extracting(r -> r.id()).containsExactly("r-1", "r-2");
    AttemptView onRubric =
        answer(
            http,
            member,
            rubric.id(),
            "Batch the requests for 5 ms and scale replicas on queue depth, 2 spares kept warm.");
    assertThat(onRubric.conceptsHit())
        .extracting(h -> h.concept())
        .containsExactlyInAnyOrder("r-1", "r-2");
  }

  @Test
  void onlyTheAuthorTheCohortsMembersAndAdminsSeeItAndCandidatesNeverSeeTheKey() {
    CohortView cohort = cohortJoinedBy(http, coach, member);
    CoachQuestionView q = write(coach, draft(cohort.id(), null));
    String outsider = "outsider-" + run;
    String otherCoach = "qother-" + run;

    String listed =
        http.toBlocking()
            .retrieve(asCandidate(HttpRequest.GET("/api/cohort-questions"), member), String.class);
    assertThat(listed)
        .contains(q.id())
        .doesNotContain("modelAnswer")
        .doesNotContain("alert on p99");
    String one =
        http.toBlocking()
            .retrieve(
                asCandidate(HttpRequest.GET("/api/cohort-questions/" + q.id()), member),
                String.class);
    assertThat(one).contains(q.text()).doesNotContain("modelAnswer").doesNotContain("rubric");

    assertThat(
            http.toBlocking()
                .retrieve(
                    asCandidate(HttpRequest.GET("/api/cohort-questions"), outsider), String.class))
        .doesNotContain(q.id());
    assertProblem(
        http, asCandidate(HttpRequest.GET("/api/cohort-questions/" + q.id()), outsider), 404, "id");
    assertProblem(
        http,
        asCandidate(
            HttpRequest.POST(
                "/api/attempts", Map.of("questionId", q.id(), "answerText", "dynamic batching")),
            outsider),
        404,
        "questionId");
    assertProblem(
        http, asCoach(HttpRequest.GET("/api/cohort-questions/" + q.id()), otherCoach), 404, "id");
    assertProblem(
        http,
        asCoach(
            HttpRequest.PUT("/api/coach/questions/" + q.id(), draft(cohort.id(), null)),
            otherCoach),
        404,
        "id");
    assertProblem(
        http, asCoach(HttpRequest.DELETE("/api/coach/questions/" + q.id()), otherCoach), 404, "id");
    assertThat(mine(otherCoach)).extracting(CoachQuestionView::id).doesNotContain(q.id());
    assertProblem(http, asCandidate(HttpRequest.GET("/api/coach/questions"), member), 403, null);

    String admin = "qadmin-" + run;
    assertThat(
            http.toBlocking()
                .retrieve(
                    asAdmin(HttpRequest.GET("/api/coach/questions"), admin),
                    Argument.listOf(CoachQuestionView.class)))
        .extracting(CoachQuestionView::id)
        .contains(q.id());
    assertThat(
            http.toBlocking()
                .retrieve(
                    asAdmin(HttpRequest.GET("/api/cohort-questions/" + q.id()), admin),
                    CohortQuestionView.class)
                .text())
        .isEqualTo(q.text());
    // pack questions stay open to everyone
    assertThat(
            answer(http, outsider, question().questionId(), "a canary, then roll back")
                .questionId())
        .isEqualTo(question().questionId());
  }

  @Test
  void aMembersSpokenAnswerIsScoredAndAStrangersIsDeadLettered() {
    CohortView cohort = cohortJoinedBy(http, coach, member);
    CoachQuestionView q = write(coach, draft(cohort.id(), null));
    UUID spoken = UUID.randomUUID();
    UUID guessed = UUID.randomUUID();
    KafkaProbe.send(
        Topics.SPEECH_TRANSCRIPTS,
        spoken.toString(),
        toJson(
            transcript(
                spoken,
                member,
                q.id(),
                "I would batch requests dynamically and scale replicas on the queue length.")));
    KafkaProbe.send(
        Topics.SPEECH_TRANSCRIPTS,
        guessed.toString(),
        toJson(transcript(guessed, stranger, q.id(), "A guess at another cohort's question.")));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(attempts.findById(spoken))
                    .hasValueSatisfying(a -> assertThat(a.questionId()).isEqualTo(q.id())));
    try (KafkaProbe dlq = new KafkaProbe(Topics.deadLetter(Topics.SPEECH_TRANSCRIPTS))) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !dlq.records(r -> guessed.toString().equals(r.key())).isEmpty());
      assertThat(
              KafkaProbe.header(
                  dlq.records(r -> guessed.toString().equals(r.key())).get(0),
                  Topics.DLQ_REASON_HEADER))
          .contains("not shared with candidate");
    }
    assertThat(attempts.findById(guessed)).isEmpty();
  }

  @Test
  void theAuthorEditsAndDeletesAndBadDraftsAreClearProblems() {
    CohortView cohort = cohortJoinedBy(http, coach, member);
    CoachQuestionView q = write(coach, draft(cohort.id(), null));
    Map<String, Object> changed = new HashMap<>(draft(cohort.id(), null));
    changed.put("text", "How do you keep tail latency low under a traffic burst? " + run);
    changed.put("type", "SCENARIO");
    CoachQuestionView edited =
        http.toBlocking()
            .retrieve(
                asCoach(HttpRequest.PUT("/api/coach/questions/" + q.id(), changed), coach),
                CoachQuestionView.class);
    assertThat(edited.text()).endsWith(run);
    assertThat(edited.type()).isEqualTo("SCENARIO");
    assertThat(mine(coach)).extracting(CoachQuestionView::text).contains(edited.text());

    http.toBlocking()
        .exchange(asCoach(HttpRequest.DELETE("/api/coach/questions/" + q.id()), coach));
    assertThat(mine(coach)).extracting(CoachQuestionView::id).doesNotContain(q.id());
    assertProblem(
        http, asCandidate(HttpRequest.GET("/api/cohort-questions/" + q.id()), member), 404, "id");

    Map<String, Object> bad = new HashMap<>(draft(cohort.id(), null));
    bad.put("cohortIds", List.of());
    assertProblem(
        http, asCoach(HttpRequest.POST("/api/coach/questions", bad), coach), 400, "cohortIds");
    bad = new HashMap<>(draft(cohort.id(), null));
    bad.put("skillId", "no-such-skill-" + run);
    assertProblem(
        http, asCoach(HttpRequest.POST("/api/coach/questions", bad), coach), 400, "skillId");
    bad = new HashMap<>(draft(cohort.id(), null));
    bad.remove("modelAnswer");
    assertProblem(
        http, asCoach(HttpRequest.POST("/api/coach/questions", bad), coach), 400, "modelAnswer");
    bad = new HashMap<>(draft(cohort.id(), null));
    bad.put("type", "QUIZ");
    assertProblem(http, asCoach(HttpRequest.POST("/api/coach/questions", bad), coach), 400, null);
    CohortView someoneElses = cohortJoinedBy(http, "qother-" + run);
    assertProblem(
        http,
        asCoach(HttpRequest.POST("/api/coach/questions", draft(someoneElses.id(), null)), coach),
        404,
        "cohortIds");
  }

  @Test
  void theCatalogTopicNeverTouchesACoachsQuestion() {
    CohortView cohort = cohortJoinedBy(http, coach, member);
    CoachQuestionView q = write(coach, draft(cohort.id(), null));
    QuestionPublished impostor =
        new QuestionPublished(
            UUID.randomUUID(),
            QuestionPublished.SCHEMA_VERSION,
            Instant.now(),
            q.id(),
            List.of("ml-infrastructure-engineer"),
            "model-serving",
            "Beginner",
            "A pack question that claims a coach's id.",
            List.of(),
            List.of(),
            "OPEN",
            null,
            List.of());
    try (KafkaProbe dlq = new KafkaProbe(Topics.deadLetter(Topics.CATALOG_QUESTIONS))) {
      // same key, same partition: the tombstone is handled before the impostor is dead-lettered
      KafkaProbe.send(Topics.CATALOG_QUESTIONS, q.id(), null);
      KafkaProbe.send(Topics.CATALOG_QUESTIONS, q.id(), toJson(impostor));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !dlq.records(r -> q.id().equals(r.key()) && r.value() != null).isEmpty());
    }
    CohortQuestionView still =
        http.toBlocking()
            .retrieve(
                asCandidate(HttpRequest.GET("/api/cohort-questions/" + q.id()), member),
                CohortQuestionView.class);
    assertThat(still.text()).isEqualTo(q.text());
    assertThat(catalog.findById(q.id()).orElseThrow().roleIds()).isEmpty();
  }

  @Test
  void aCoachsQuestionsAreExportedWithTheAccountAndErasedWithIt() {
    String author = "qauthor-" + run;
    CohortView cohort = cohortJoinedBy(http, author, member);
    CoachQuestionView q = write(author, draft(cohort.id(), null));
    assertThat(ownQuestions.export(author))
        .extracting(CoachQuestionView::id)
        .containsExactly(q.id());
    assertThat(ownQuestions.export(member)).isEmpty();
    ownQuestions.erase(author);
    ownQuestions.erase(author); // again: harmless
    assertThat(ownQuestions.export(author)).isEmpty();
    assertThat(catalog.existsById(q.id())).isFalse();
  }

  private Map<String, Object> draft(UUID cohortId, List<Map<String, Object>> rubric) {
    Map<String, Object> draft = new HashMap<>();
    draft.put("cohortIds", List.of(cohortId));
    draft.put("skillId", question().skillId());
    draft.put("level", "Intermediate");
    draft.put(
        "text", "How would you keep p99 latency low when a model server gets a burst? " + run);
    draft.put("modelAnswer", MODEL_ANSWER);
    draft.put("type", "OPEN");
    if (rubric != null) {
      draft.put("rubric", rubric);
    }
    return draft;
  }

  private CoachQuestionView write(String author, Map<String, Object> draft) {
    return http.toBlocking()
        .retrieve(
            asCoach(HttpRequest.POST("/api/coach/questions", draft), author),
            CoachQuestionView.class);
  }

  private List<CoachQuestionView> mine(String who) {
    return http.toBlocking()
        .retrieve(
            asCoach(HttpRequest.GET("/api/coach/questions"), who),
            Argument.listOf(CoachQuestionView.class));
  }
}
