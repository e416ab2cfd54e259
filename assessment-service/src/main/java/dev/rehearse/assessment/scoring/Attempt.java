package dev.rehearse.assessment.scoring;

import dev.rehearse.assessment.scoring.ScoreResult.ConceptHit;
import dev.rehearse.assessment.scoring.ScoreResult.ConceptMiss;
import dev.rehearse.assessment.scoring.ScoreResult.RaisedFlag;
import dev.rehearse.contracts.AttemptScored.Mode;
import dev.rehearse.contracts.TranscriptReady.Fluency;
import dev.rehearse.contracts.TranscriptReady.Word;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One scored answer, typed or spoken (then {@code answerText} is the transcript and {@code words}
 * its recognised words with their confidence). {@code score} is the machine score and never
 * changes; {@code reviewedScore} is the latest coach override. {@code breakdown} is how the machine
 * score was built (null for attempts scored before it was kept).
 */
@MappedEntity("attempt")
public record Attempt(
    @Id UUID id,
    String candidateId,
    String questionId,
    Mode mode,
    String answerText,
    int score,
    String band,
    @TypeDef(type = DataType.JSON) List<ConceptHit> conceptsHit,
    @TypeDef(type = DataType.JSON) List<ConceptMiss> conceptsMissed,
    @TypeDef(type = DataType.JSON) List<RaisedFlag> redFlags,
    @TypeDef(type = DataType.JSON) List<String> feedback,
    @Nullable @TypeDef(type = DataType.JSON) Fluency fluency,
    Instant createdAt,
    @Nullable String skillId,
    @Nullable Integer coverage,
    @Nullable @TypeDef(type = DataType.JSON) FluencyReport delivery,
    @Nullable String level,
    @Nullable Integer reviewedScore,
    @Nullable @TypeDef(type = DataType.JSON) ScoreBreakdown breakdown,
    @Nullable @TypeDef(type = DataType.JSON) List<Word> words) {

  /** The score that counts: the coach's override when there is one, else the machine score. */
  public int effectiveScore() {
    return reviewedScore != null ? reviewedScore : score;
  }

  /** The attempt as the machine scored it, without any coach's review (for a blind reviewer). */
  public Attempt asScored() {
    return new Attempt(
        id,
        candidateId,
        questionId,
        mode,
        answerText,
        score,
        band,
        conceptsHit,
        conceptsMissed,
        redFlags,
        feedback,
        fluency,
        createdAt,
        skillId,
        coverage,
        delivery,
        level,
        null,
        breakdown,
        words);
  }
}
