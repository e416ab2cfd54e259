package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.scoring.ScoreResult.ConceptHit;
import dev.rehearse.assessment.scoring.ScoreResult.ConceptMiss;
import dev.rehearse.assessment.scoring.ScoreResult.RaisedFlag;
import dev.rehearse.contracts.TranscriptReady.Fluency;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An attempt as the API shows it; spoken attempts carry their transcript and fluency. */
@Serdeable
public record AttemptView(
    UUID id,
    String status,
    String questionId,
    String mode,
    int score,
    String band,
    List<ConceptHit> conceptsHit,
    List<ConceptMiss> conceptsMissed,
    List<RaisedFlag> redFlags,
    List<String> feedback,
    String answerText,
    @Nullable String transcript,
    @Nullable Fluency fluency,
    Instant createdAt,
    @Nullable String skillId,
    @Nullable Integer coverage,
    @Nullable FluencyReport delivery) {

  static AttemptView of(Attempt a) {
    boolean spoken = a.mode() == dev.rehearse.contracts.AttemptScored.Mode.SPOKEN;
    return new AttemptView(a.id(), "SCORED", a.questionId(), a.mode().name(), a.score(), a.band(),
        a.conceptsHit(), a.conceptsMissed(), a.redFlags(), a.feedback(), a.answerText(),
        spoken ? a.answerText() : null, a.fluency(), a.createdAt(), a.skillId(), a.coverage(), a.delivery());
  }
}
