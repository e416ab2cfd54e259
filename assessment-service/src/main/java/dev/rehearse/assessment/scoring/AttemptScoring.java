package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.catalog.CatalogQuestion;
import dev.rehearse.contracts.AttemptScored;
import dev.rehearse.contracts.AttemptScored.Mode;
import dev.rehearse.contracts.Topics;
import dev.rehearse.contracts.TranscriptReady.Fluency;
import dev.rehearse.platform.outbox.Outbox;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.UUID;

/** Scores an answer, stores the attempt and queues the scored event, all in one transaction. */
@Singleton
public class AttemptScoring {
  private final RubricScorer scorer;
  private final AttemptRepository attempts;
  private final Outbox outbox;

  public AttemptScoring(RubricScorer scorer, AttemptRepository attempts, Outbox outbox) {
    this.scorer = scorer;
    this.attempts = attempts;
    this.outbox = outbox;
  }

  @Transactional
  public Attempt score(
      UUID attemptId, String candidateId, CatalogQuestion question, Mode mode, String answer, @Nullable Fluency fluency) {
    ScoreResult r = scorer.score(question, answer);
    Attempt attempt = attempts.save(new Attempt(attemptId, candidateId, question.questionId(), mode, answer,
        r.score(), r.band().label(), r.conceptsHit(), r.conceptsMissed(), r.redFlags(), r.feedback(), fluency,
        Instant.now()));
    outbox.publish(Topics.ASSESSMENT_SCORED, candidateId, new AttemptScored(
        UUID.randomUUID(), AttemptScored.SCHEMA_VERSION, Instant.now(), attemptId, candidateId,
        question.questionId(), question.skillId(), mode, r.score(), r.band().label(),
        r.conceptsHit().stream().map(ScoreResult.ConceptHit::concept).toList(),
        r.conceptsMissed().stream().map(ScoreResult.ConceptMiss::concept).toList(),
        r.redFlags().stream().map(ScoreResult.RaisedFlag::rule).toList()));
    return attempt;
  }
}
