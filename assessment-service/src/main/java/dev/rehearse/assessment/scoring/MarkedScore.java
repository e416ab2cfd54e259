package dev.rehearse.assessment.scoring;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A score recomputed from a coach's concept marks, with its band: the covered concepts' share of
 * the weight, the points taken off for red-flag claims the coach kept, and the cap for the answer's
 * form (if any).
 */
@Serdeable
public record MarkedScore(int score, String band, int coverage, int penalty, @Nullable String cap) {

  public static MarkedScore of(int score, int coverage, int penalty, @Nullable String cap) {
    return new MarkedScore(score, ScoreResult.Band.of(score).label(), coverage, penalty, cap);
  }
}
