package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.scoring.ScoreResult.ConceptHit;
import dev.rehearse.assessment.scoring.ScoreResult.ConceptMiss;
import dev.rehearse.assessment.scoring.ScoreResult.RaisedFlag;
import dev.rehearse.contracts.TranscriptReady.Fluency;
import dev.rehearse.contracts.TranscriptReady.Word;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An attempt as the API shows it; spoken attempts carry their transcript, fluency and delivery
 * report. {@code score} and {@code band} are effective (a coach's override wins); {@code
 * machineScore} is what scoring gave and never changes. {@code candidateId} names the owner (the
 * gateway checks it once more before showing an attempt to a candidate). {@code breakdown} is how
 * the machine score was built; {@code words} are a spoken answer's recognised words with the
 * recogniser's confidence (both null on older attempts). {@code modelAnswer} is the question's
 * model answer: whoever may see an attempt has answered the question or coaches its author.
 */
@Serdeable
public record AttemptView(
    UUID id,
    String candidateId,
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
    @Nullable FluencyReport delivery,
    int machineScore,
    @Nullable Integer reviewedScore,
    @Nullable String level,
    @Nullable String modelAnswer,
    @Nullable ScoreBreakdown breakdown,
    @Nullable List<Word> words) {

  public static AttemptView of(Attempt a, @Nullable String modelAnswer) {
    boolean spoken = a.mode() == dev.rehearse.contracts.AttemptScored.Mode.SPOKEN;
    String band =
        a.reviewedScore() == null ? a.band() : ScoreResult.Band.of(a.reviewedScore()).label();
    return new AttemptView(
        a.id(),
        a.candidateId(),
        a.reviewedScore() == null ? "SCORED" : "REVIEWED",
        a.questionId(),
        a.mode().name(),
        a.effectiveScore(),
        band,
        a.conceptsHit(),
        a.conceptsMissed(),
        a.redFlags(),
        a.feedback(),
        a.answerText(),
        spoken ? a.answerText() : null,
        a.fluency(),
        a.createdAt(),
        a.skillId(),
        a.coverage(),
        a.delivery(),
        a.score(),
        a.reviewedScore(),
        a.level(),
        modelAnswer,
        a.breakdown(),
        a.words());
  }
}
