package dev.rehearse.assessment.review;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/** One attempt's two reviewed scores and who gave them (a reviewer is null once deleted). */
@Introspected
@Serdeable
public record ReviewPair(
    UUID attemptId,
    String questionId,
    @Nullable String questionText,
    String candidateId,
    int firstScore,
    @Nullable String firstReviewer,
    int secondScore,
    @Nullable String secondReviewer,
    Instant completedAt) {

  public int difference() {
    return Math.abs(firstScore - secondScore);
  }
}
