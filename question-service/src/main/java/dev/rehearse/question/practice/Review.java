package dev.rehearse.question.practice;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.time.Instant;

/**
 * A candidate's SM-2 schedule for one item (FSRS is not served here, so SM-2 it is). A score of
 * 0-100 maps to SM-2's quality 0-5; quality 3 (score 60) or more counts as recalled.
 */
public record Review(
    int repetitions,
    double easeFactor,
    int intervalDays,
    Instant dueAt,
    int lastScore,
    int reviews,
    Instant reviewedAt) {
  static final double START_EASE = 2.5;
  static final double MIN_EASE = 1.3;

  public static int quality(int score) {
    return Math.min(5, Math.max(0, score) / 20);
  }

  /**
   * The schedule after an answer scored {@code score} at {@code at}; {@code previous} is null the
   * first time.
   */
  public static Review next(@Nullable Review previous, int score, Instant at) {
    int q = quality(score);
    int repetitions = previous == null ? 0 : previous.repetitions;
    double ease = previous == null ? START_EASE : previous.easeFactor;
    int interval;
    if (q >= 3) {
      interval =
          switch (repetitions) {
            case 0 -> 1;
            case 1 -> 6;
            default -> (int) Math.round(previous.intervalDays * ease);
          };
      repetitions++;
    } else {
      repetitions = 0;
      interval = 1;
    }
    ease = Math.max(MIN_EASE, ease + 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02));
    int reviews = previous == null ? 1 : previous.reviews + 1;
    return new Review(
        repetitions, ease, interval, at.plus(Duration.ofDays(interval)), score, reviews, at);
  }

  public boolean dueBy(Instant now) {
    return !dueAt.isAfter(now);
  }
}
