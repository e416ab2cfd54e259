package dev.rehearse.assessment.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * A request for a blind second review of an attempt's first review: by {@code reviewerId}, or by
 * any other coach of the candidate when it is null. Open until {@code secondReviewId} is set.
 */
@Serdeable
@MappedEntity("second_review")
public record SecondReview(
    @Id UUID id,
    UUID attemptId,
    String candidateId,
    UUID firstReviewId,
    @Nullable String requestedBy,
    @Nullable String reviewerId,
    @Nullable UUID secondReviewId,
    Instant requestedAt,
    @Nullable Instant completedAt) {

  public boolean open() {
    return secondReviewId == null;
  }
}
