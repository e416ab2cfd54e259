package dev.rehearse.assessment;

import static org.awaitility.Awaitility.await;

import dev.rehearse.assessment.catalog.CatalogRepository;
import dev.rehearse.assessment.cohort.CohortView;
import dev.rehearse.assessment.scoring.AttemptView;
import dev.rehearse.contracts.QuestionPublished;
import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import dev.rehearse.contracts.Topics;
import dev.rehearse.contracts.TranscriptReady;
import dev.rehearse.testsupport.GatewayTokens;
import dev.rehearse.testsupport.KafkaProbe;
import dev.rehearse.testsupport.ServiceTest;
import dev.rehearse.testsupport.TestInfrastructure;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Points the service at the JVM's shared PostgreSQL and Kafka, and publishes test questions. */
public abstract class AssessmentTestBase extends ServiceTest {
  @Inject protected CatalogRepository catalog;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.properties("assessment");
  }

  private QuestionPublished published;

  /** One serving question per test class, published on first use. */
  protected QuestionPublished question() {
    if (published == null) {
      published = servingQuestion();
      publish(published);
    }
    return published;
  }

  /** The request as a candidate sends it through the gateway: with their signed token. */
  protected static <T> MutableHttpRequest<T> asCandidate(
      MutableHttpRequest<T> request, String candidate) {
    return request.bearerAuth(GatewayTokens.token(candidate, "CANDIDATE"));
  }

  /** The request as a coach sends it: with a token naming the coach's account and role COACH. */
  protected static <T> MutableHttpRequest<T> asCoach(MutableHttpRequest<T> request, String coach) {
    return request.bearerAuth(GatewayTokens.token(coach, "COACH"));
  }

  protected static <T> MutableHttpRequest<T> asAdmin(MutableHttpRequest<T> request, String admin) {
    return request.bearerAuth(GatewayTokens.token(admin, "ADMIN"));
  }

  /** A serving question with three concepts and two red-flag rules, under a fresh id. */
  protected QuestionPublished servingQuestion() {
    return new QuestionPublished(
        UUID.randomUUID(),
        QuestionPublished.SCHEMA_VERSION,
        Instant.now(),
        "q-serving-" + UUID.randomUUID(),
        List.of("ml-infrastructure-engineer"),
        "model-serving",
        "Intermediate",
        "How would you roll out a new model version to a high-traffic inference service?",
        List.of(
            new RubricConcept(
                "canary", "Canary deployment", 40, List.of("canary", "small share of traffic")),
            new RubricConcept(
                "rollback", "Rollback", 30, List.of("roll back", "revert", "previous version")),
            new RubricConcept(
                "monitoring", "Model monitoring", 30, List.of("latency", "error rate", "drift"))),
        List.of(
            new RedFlagRule(
                "manual-deploy",
                "Manual deployment",
                "Deploying by hand skips the checks a pipeline gives.",
                RedFlagRule.Kind.MENTIONS,
                List.of("by hand", "manually", "copy the model")),
            new RedFlagRule(
                "no-figures",
                "No figures",
                "Serving answers need numbers: traffic share, latency targets.",
                RedFlagRule.Kind.NO_NUMBERS,
                List.of())),
        "OPEN",
        null,
        List.of());
  }

  /** A four-option quiz item whose option "b" is right. */
  protected QuestionPublished quizItem(String id, String skillId, String level) {
    return new QuestionPublished(
        UUID.randomUUID(),
        QuestionPublished.SCHEMA_VERSION,
        Instant.now(),
        id,
        List.of(),
        skillId,
        level,
        "Which tool keeps one definition of each feature for training and serving?",
        List.of(),
        List.of(),
        "QUIZ",
        null,
        List.of(
            new QuestionPublished.QuizOption(
                "a", "A model registry", false, "A registry versions models, not features."),
            new QuestionPublished.QuizOption(
                "b", "A feature store", true, "Right: one definition serves both paths."),
            new QuestionPublished.QuizOption(
                "c", "A data lake", false, "A lake stores raw data without feature definitions."),
            new QuestionPublished.QuizOption(
                "d", "A GPU scheduler", false, "Schedulers place jobs; they hold no features.")));
  }

  /** A self-check statement of one role, with the weight of its skill in that role. */
  protected QuestionPublished selfCheck(
      String id, String roleId, String skillId, String level, int weight) {
    return new QuestionPublished(
        UUID.randomUUID(),
        QuestionPublished.SCHEMA_VERSION,
        Instant.now(),
        id,
        List.of(roleId),
        skillId,
        level,
        "I can explain " + skillId + " at " + level + " level.",
        List.of(),
        List.of(),
        "SELF_CHECK",
        null,
        List.of(),
        List.of(new QuestionPublished.RoleWeight(roleId, weight)));
  }

  /** An open question of a given skill and level with a single concept, for measured evidence. */
  protected QuestionPublished openQuestion(
      String id, String skillId, String level, String concept) {
    return new QuestionPublished(
        UUID.randomUUID(),
        QuestionPublished.SCHEMA_VERSION,
        Instant.now(),
        id,
        List.of(),
        skillId,
        level,
        "Explain " + concept + ".",
        List.of(new RubricConcept("c", concept, 100, List.of(concept))),
        List.of(),
        "OPEN",
        null,
        List.of());
  }

  protected TranscriptReady transcript(
      UUID attemptId, String candidateId, String questionId, String text) {
    return new TranscriptReady(
        UUID.randomUUID(),
        TranscriptReady.SCHEMA_VERSION,
        Instant.now(),
        attemptId,
        candidateId,
        questionId,
        text,
        List.of(new TranscriptReady.Word("canary", 0.4, 0.9, 0.93)),
        6.5,
        new TranscriptReady.Fluency(128, 1, 0.05, 0, 0.4));
  }

  /** A new cohort of {@code coach}, joined by each of {@code candidates}. */
  protected static CohortView cohortJoinedBy(HttpClient http, String coach, String... candidates) {
    CohortView cohort =
        http.toBlocking()
            .retrieve(
                asCoach(
                    HttpRequest.POST("/api/coach/cohorts", Map.of("name", "Cohort of " + coach)),
                    coach),
                CohortView.class);
    for (String candidate : candidates) {
      http.toBlocking()
          .exchange(
              asCandidate(
                  HttpRequest.POST(
                      "/api/cohort-memberships", Map.of("joinCode", cohort.joinCode())),
                  candidate));
    }
    return cohort;
  }

  /** A typed answer, scored at once. */
  protected static AttemptView answer(
      HttpClient http, String candidate, String questionId, String text) {
    return http.toBlocking()
        .retrieve(
            asCandidate(
                HttpRequest.POST(
                    "/api/attempts", Map.of("questionId", questionId, "answerText", text)),
                candidate),
            AttemptView.class);
  }

  /** Publishes a question on the catalog topic and waits until the service's local copy has it. */
  protected void publish(QuestionPublished question) {
    KafkaProbe.send(Topics.CATALOG_QUESTIONS, question.questionId(), toJson(question));
    await().atMost(Duration.ofSeconds(30)).until(() -> catalog.existsById(question.questionId()));
  }
}
