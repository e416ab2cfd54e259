package dev.rehearse.assessment.assignment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;

/**
 * Where one member stands on an assignment. {@code status} is DONE, LATE (due date passed, not
 * done) or NOT_STARTED; {@code doneLate} marks work finished after the due date. {@code score} is
 * the session's average, or for a practice set the average of the best attempt at each question.
 * {@code answered} counts a practice set's questions answered so far; {@code sessionId} names the
 * session that completed a SESSION assignment (its report is the coach's to open).
 */
@Serdeable
public record MemberProgress(
    String candidateId,
    @Nullable String displayName,
    Status status,
    boolean doneLate,
    @Nullable Instant finishedAt,
    @Nullable Integer score,
    @Nullable Integer answered,
    @Nullable UUID sessionId) {

  public enum Status {
    NOT_STARTED,
    DONE,
    LATE
  }
}
