package dev.rehearse.assessment.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of an attempt's audit trail: who reviewed (null once that coach's account is deleted),
 * when, the score before and the score set (if any) with its reason, a comment, and for a
 * per-concept review every concept's mark beside what the machine found and the red flags cleared.
 * Round 1 sets the attempt's score; round 2 is a blind second review, which only measures
 * agreement. Entries are only ever added.
 */
@Serdeable
@MappedEntity("attempt_review")
public record AttemptReview(
    @Id UUID id,
    UUID attemptId,
    String candidateId,
    @Nullable String coachId,
    int machineScore,
    int previousScore,
    @Nullable Integer overrideScore,
    @Nullable String reason,
    @Nullable String comment,
    Instant createdAt,
    @Nullable @TypeDef(type = DataType.JSON) List<ConceptMark> marks,
    @Nullable @TypeDef(type = DataType.JSON) List<String> clearedFlags,
    int round) {

  public static final int FIRST = 1;
  public static final int SECOND = 2;

  /** A coach's judgement of one concept, beside the share of it the machine found (0 to 1). */
  @Serdeable
  public record ConceptMark(
      String concept,
      String label,
      int weight,
      double machineCredit,
      boolean covered,
      String reason) {}
}
