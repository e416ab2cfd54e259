package dev.rehearse.assessment.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/**
 * How far a cohort's first and second reviewers agree: over the attempts reviewed twice, the mean
 * absolute difference of the two scores, the share of pairs within {@value #CLOSE} points, and
 * every pair more than {@value #DISAGREEMENT} points apart. No pairs, no figures.
 */
@Serdeable
public record ReviewAgreement(
    UUID cohortId,
    int pairs,
    @Nullable Double meanAbsoluteDifference,
    @Nullable Double shareWithin10,
    List<ReviewPair> disagreements) {

  static final int CLOSE = 10;
  static final int DISAGREEMENT = 15;

  static ReviewAgreement of(UUID cohortId, List<ReviewPair> pairs) {
    if (pairs.isEmpty()) {
      return new ReviewAgreement(cohortId, 0, null, null, List.of());
    }
    double mean = pairs.stream().mapToInt(ReviewPair::difference).average().orElseThrow();
    double close =
        pairs.stream().filter(p -> p.difference() <= CLOSE).count() / (double) pairs.size();
    return new ReviewAgreement(
        cohortId,
        pairs.size(),
        Math.round(mean * 10) / 10.0,
        Math.round(close * 1000) / 1000.0,
        pairs.stream().filter(p -> p.difference() > DISAGREEMENT).toList());
  }
}
