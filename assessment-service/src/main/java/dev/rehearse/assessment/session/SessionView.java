package dev.rehearse.assessment.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A session as the candidate resumes it. {@code current} is the first unfinished question; the
 * clock figures are computed here (pauses excluded) so a reload never resets a countdown.
 */
@Serdeable
public record SessionView(
    UUID id,
    String candidateId,
    String roleId,
    MockSession.Status status,
    int thinkingSeconds,
    int answerSeconds,
    @Nullable UUID assignmentId,
    Instant createdAt,
    @Nullable Instant completedAt,
    int answered,
    int skipped,
    @Nullable Clock current,
    List<Question> questions) {

  @Serdeable
  public record Question(
      String id,
      String text,
      @Nullable String type,
      String skillId,
      int position,
      SessionQuestion.Status status,
      @Nullable UUID attemptId,
      @Nullable Integer score,
      @Nullable Instant startedAt) {}

  /**
   * The current question's clock: NOT_STARTED, THINKING or ANSWERING with the seconds left in that
   * phase, or OVERTIME once the answer time is over (answers are still taken).
   */
  @Serdeable
  public record Clock(String questionId, int position, Phase phase, long secondsLeft) {}

  public enum Phase {
    NOT_STARTED,
    THINKING,
    ANSWERING,
    OVERTIME
  }
}
