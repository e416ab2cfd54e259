package dev.rehearse.assessment;

import dev.rehearse.contracts.QuestionPublished;
import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import dev.rehearse.contracts.QuestionPublished.RubricConcept;
import dev.rehearse.contracts.Topics;
import dev.rehearse.testsupport.KafkaProbe;
import dev.rehearse.testsupport.TestInfrastructure;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.TestInstance;

/** Points the service at the JVM's shared PostgreSQL and Kafka, and publishes test questions. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AssessmentTestBase implements TestPropertyProvider {
  @Inject protected ObjectMapper json;

  @Override
  public Map<String, String> getProperties() {
    return TestInfrastructure.properties("assessment");
  }

  /** A serving question with three concepts and two red-flag rules, under a fresh id. */
  protected QuestionPublished servingQuestion() {
    return new QuestionPublished(UUID.randomUUID(), QuestionPublished.SCHEMA_VERSION, Instant.now(),
        "q-serving-" + UUID.randomUUID(), List.of("ml-infrastructure-engineer"), "model-serving", "Intermediate",
        "How would you roll out a new model version to a high-traffic inference service?",
        List.of(
            new RubricConcept("canary", "Canary deployment", 40, List.of("canary", "small share of traffic")),
            new RubricConcept("rollback", "Rollback", 30, List.of("roll back", "revert", "previous version")),
            new RubricConcept("monitoring", "Model monitoring", 30, List.of("latency", "error rate", "drift"))),
        List.of(
            new RedFlagRule("manual-deploy", "Manual deployment", "Deploying by hand skips the checks a pipeline gives.",
                RedFlagRule.Kind.MENTIONS, List.of("by hand", "manually", "copy the model")),
            new RedFlagRule("no-figures", "No figures", "Serving answers need numbers: traffic share, latency targets.",
                RedFlagRule.Kind.NO_NUMBERS, List.of())),
        "OPEN", null, List.of());
  }

  protected void publish(QuestionPublished question) {
    KafkaProbe.send(Topics.CATALOG_QUESTIONS, question.questionId(), toJson(question));
  }

  protected String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected <T> T fromJson(String value, Class<T> type) {
    try {
      return json.readValue(value, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
