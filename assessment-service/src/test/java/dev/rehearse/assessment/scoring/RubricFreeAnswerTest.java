package dev.rehearse.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rehearse.assessment.AssessmentTestBase;
import dev.rehearse.assessment.meaning.StoredVectorsRepository;
import dev.rehearse.contracts.QuestionPublished;
import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An item published with a model answer and no rubric is scored on key points derived from it,
 * through the service: its vectors are computed when the catalog copy arrives and stored, and the
 * attempt's view carries the model answer.
 */
@MicronautTest
class RubricFreeAnswerTest extends AssessmentTestBase {
  static final String MODEL_ANSWER =
      "A checkpoint saves the model weights and the optimizer state to durable storage every"
          + " few hundred steps. When a node fails, the job restarts on healthy nodes and resumes from the latest"
          + " checkpoint instead of starting over. We keep the last three checkpoints and test a restore before a long run.";

  @Inject
  @Client("/")
  HttpClient http;

  @Inject StoredVectorsRepository vectors;

  @Test
  void aRubricFreeItemIsScoredOnKeyPointsFromItsModelAnswer() {
    QuestionPublished item =
        new QuestionPublished(
            UUID.randomUUID(),
            QuestionPublished.SCHEMA_VERSION,
            Instant.now(),
            "open-rubric-free-" + UUID.randomUUID(),
            List.of(),
            "model-checkpointing",
            "Intermediate",
            "Why do long training runs need checkpoints, and how would you use them?",
            List.of(),
            List.of(
                new RedFlagRule(
                    "no-failure-handling",
                    "No failure handling",
                    "Say what happens when a node fails: retries," + " checkpoints and resume.",
                    RedFlagRule.Kind.MISSING,
                    List.of("retry", "resume", "checkpoint", "restart"))),
            "OPEN",
            null,
            List.of(),
            List.of(),
            MODEL_ANSWER);
    publish(item);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> vectors.findById(item.questionId()).isPresent());
    assertThat(vectors.findById(item.questionId()).orElseThrow().texts()).isNotEmpty();

    AttemptView good =
        http.toBlocking()
            .retrieve(
                TypedAnswerTest.post(
                    "c-free-1",
                    item.questionId(),
                    "Every few hundred steps I write the weights and the optimizer state to durable storage. If a node dies the"
                        + " scheduler brings the job back on healthy machines and it resumes from the newest checkpoint rather"
                        + " than from step zero. I keep the three latest checkpoints and rehearse a restore before the long run."),
                AttemptView.class);
    AttemptView weak =
        http.toBlocking()
            .retrieve(
                TypedAnswerTest.post(
                    "c-free-2",
                    item.questionId(),
                    "We would never save any checkpoints and we do not resume anything: if a node fails we simply start over."),
                AttemptView.class);

    assertThat(good.score()).isGreaterThanOrEqualTo(60);
    assertThat(good.conceptsHit())
        .isNotEmpty()
        .allSatisfy(h -> assertThat(h.concept()).startsWith("kp-"));
    assertThat(good.modelAnswer()).isEqualTo(MODEL_ANSWER);
    assertThat(weak.score()).isLessThanOrEqualTo(40).isLessThanOrEqualTo(good.score() - 30);
    assertThat(weak.redFlags())
        .extracting(ScoreResult.RaisedFlag::rule)
        .contains("no-failure-handling");
    assertThat(weak.feedback()).anySatisfy(f -> assertThat(f).contains("add the key point \u201c"));
  }
}
