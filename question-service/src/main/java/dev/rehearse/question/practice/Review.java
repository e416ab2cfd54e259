package dev.rehearse.question.practice;

import dev.rehearse.platform.repetition.Fsrs;
import dev.rehearse.platform.repetition.Rating;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * A candidate's FSRS schedule for one practice item, fed by scored answers. The answer's band is
 * the rating: Weak (below 20) AGAIN, Developing (20-59) HARD, Strong (60-89) GOOD, Excellent (90+)
 * EASY.
 */
public record Review(
    double stability,
    double difficulty,
    int intervalDays,
    Instant dueAt,
    int lastScore,
    int reviews,
    Instant reviewedAt) {

  public static Rating rating(int score) {
    if (score >= 90) {
      return Rating.EASY;
    }
    if (score >= 60) {
      return Rating.GOOD;
    }
    return score >= 20 ? Rating.HARD : Rating.AGAIN;
  }

  /**
   * The schedule after an answer scored {@code score} at {@code at}; {@code previous} is null the
   * first time.
   */
  public static Review next(@Nullable Review previous, int score, Instant at) {
    Fsrs.Memory before =
        previous == null
            ? null
            : new Fsrs.Memory(previous.stability, previous.difficulty, previous.reviewedAt);
    Fsrs.Outcome outcome = Fsrs.review(before, rating(score), at);
    int reviews = previous == null ? 1 : previous.reviews + 1;
    return new Review(
        outcome.memory().stability(),
        outcome.memory().difficulty(),
        outcome.days(),
        outcome.due(),
        score,
        reviews,
        at);
  }

  public boolean dueBy(Instant now) {
    return !dueAt.isAfter(now);
  }
}
