package dev.rehearse.question.practice;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * How a candidate does in one sub-skill: an exponential moving average of scores, so recent answers
 * count most but one bad day does not erase the rest.
 */
public record SkillProgress(int attempts, double mastery, int lastScore, Instant updatedAt) {
  static final double RECENT_WEIGHT = 0.4;

  public static SkillProgress next(@Nullable SkillProgress previous, int score, Instant at) {
    if (previous == null) {
      return new SkillProgress(1, score, score, at);
    }
    double mastery = (1 - RECENT_WEIGHT) * previous.mastery + RECENT_WEIGHT * score;
    return new SkillProgress(previous.attempts + 1, mastery, score, at);
  }
}
