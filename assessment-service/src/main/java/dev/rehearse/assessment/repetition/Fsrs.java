package dev.rehearse.assessment.repetition;

import java.time.Duration;
import java.time.Instant;

/**
 * The FSRS-5 scheduler with its published default parameters, written from the algorithm's
 * description (open-spaced-repetition, fsrs4anki wiki "The Algorithm", and py-fsrs ALGORITHM.md).
 * Pure and deterministic: no fuzz, and whole-day intervals (desired retention 0.9, at most {@link
 * #MAX_DAYS}). AGAIN brings a card back after {@link #RELEARN}, the same day; a second review on
 * the same day uses the short-term stability formula.
 */
public final class Fsrs {
  /** FSRS-5 default weights w0..w18. */
  static final double[] W = {
    0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192, 1.01925,
    1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621
  };

  static final double DECAY = -0.5;
  static final double FACTOR = Math.pow(0.9, 1 / DECAY) - 1; // 19/81
  static final double RETENTION = 0.9;
  public static final int MAX_DAYS = 365;
  public static final Duration RELEARN = Duration.ofMinutes(10);

  private Fsrs() {}

  /** A card's memory state; {@code lastReview} is null for a card never reviewed. */
  public record Memory(double stability, double difficulty, Instant lastReview) {}

  /**
   * The state after a review at {@code now}, and the days until the next one (0: later today, after
   * {@link #RELEARN}).
   */
  public record Outcome(Memory memory, int days, Instant due, boolean lapse) {}

  /** Reviews a card ({@code before} null when it is new). */
  public static Outcome review(Memory before, Rating rating, Instant now) {
    Memory after = next(before, rating, now);
    int days = rating == Rating.AGAIN ? 0 : ordered(before, rating, now);
    Instant due = days == 0 ? now.plus(RELEARN) : now.plus(Duration.ofDays(days));
    return new Outcome(after, days, due, before != null && rating == Rating.AGAIN);
  }

  /** The days each rating would schedule, for the buttons' labels. */
  public static int[] preview(Memory before, Instant now) {
    int[] days = new int[Rating.values().length];
    for (Rating r : Rating.values()) {
      days[r.ordinal()] = r == Rating.AGAIN ? 0 : ordered(before, r, now);
    }
    return days;
  }

  /** HARD, GOOD, EASY each at least a day beyond the one before, as the reference schedulers do. */
  private static int ordered(Memory before, Rating rating, Instant now) {
    int hard =
        Math.min(
            interval(next(before, Rating.HARD, now)), interval(next(before, Rating.GOOD, now)));
    int good = Math.max(interval(next(before, Rating.GOOD, now)), hard + 1);
    int easy = Math.max(interval(next(before, Rating.EASY, now)), good + 1);
    int days =
        switch (rating) {
          case HARD -> hard;
          case GOOD -> good;
          default -> easy;
        };
    return Math.min(days, MAX_DAYS);
  }

  static Memory next(Memory before, Rating rating, Instant now) {
    int g = rating.grade();
    if (before == null || before.lastReview() == null) {
      return new Memory(W[g - 1], initialDifficulty(g), now);
    }
    double s = before.stability();
    double d = before.difficulty();
    long elapsed = Math.max(0, Duration.between(before.lastReview(), now).toDays());
    double stability;
    if (elapsed == 0) {
      stability = s * Math.exp(W[17] * (g - 3 + W[18]));
    } else {
      double r = retrievability(elapsed, s);
      stability = g == 1 ? forgetStability(d, s, r) : recallStability(d, s, r, g);
    }
    return new Memory(Math.max(stability, 0.01), nextDifficulty(d, g), now);
  }

  /** R(t, S) = (1 + FACTOR t / S)^DECAY: the chance of recall after {@code days}. */
  static double retrievability(double days, double stability) {
    return Math.pow(1 + FACTOR * days / stability, DECAY);
  }

  /** I(r, S) in whole days; with r = 0.9 it equals S. */
  static int interval(Memory m) {
    double days = m.stability() / FACTOR * (Math.pow(RETENTION, 1 / DECAY) - 1);
    return (int) Math.max(1, Math.min(MAX_DAYS, Math.round(days)));
  }

  static double initialDifficulty(int g) {
    return clampDifficulty(W[4] - Math.exp(W[5] * (g - 1)) + 1);
  }

  /** Linear damping towards 10, then mean reversion to the difficulty of a first EASY. */
  private static double nextDifficulty(double d, int g) {
    double damped = d + (-W[6] * (g - 3)) * (10 - d) / 9;
    return clampDifficulty(W[7] * initialDifficulty(4) + (1 - W[7]) * damped);
  }

  private static double recallStability(double d, double s, double r, int g) {
    double hardPenalty = g == 2 ? W[15] : 1;
    double easyBonus = g == 4 ? W[16] : 1;
    return s
        * (1
            + Math.exp(W[8])
                * (11 - d)
                * Math.pow(s, -W[9])
                * (Math.exp(W[10] * (1 - r)) - 1)
                * hardPenalty
                * easyBonus);
  }

  /** After a lapse: never more stable than before it. */
  private static double forgetStability(double d, double s, double r) {
    double f =
        W[11] * Math.pow(d, -W[12]) * (Math.pow(s + 1, W[13]) - 1) * Math.exp(W[14] * (1 - r));
    return Math.min(f, s);
  }

  private static double clampDifficulty(double d) {
    return Math.min(10, Math.max(1, d));
  }
}
