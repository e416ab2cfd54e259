package dev.rehearse.assessment.review;

import dev.rehearse.assessment.cohort.CohortAccess;
import dev.rehearse.assessment.scoring.Attempt;
import dev.rehearse.assessment.scoring.AttemptRepository;
import dev.rehearse.assessment.scoring.AttemptViews;
import dev.rehearse.contracts.AttemptReviewed;
import dev.rehearse.contracts.Topics;
import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.outbox.Outbox;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.UUID;

/**
 * Records a coach's review: the audit entry, the attempt's current override and the {@code
 * AttemptReviewed} event commit together. The machine score is never touched. A coach reviews only
 * attempts of candidates in their cohorts (others are "not found").
 */
@Singleton
public class Reviewing {
  private final AttemptRepository attempts;
  private final AttemptViews views;
  private final AttemptReviewRepository reviews;
  private final Outbox outbox;
  private final CohortAccess access;

  public Reviewing(
      AttemptRepository attempts,
      AttemptViews views,
      AttemptReviewRepository reviews,
      Outbox outbox,
      CohortAccess access) {
    this.attempts = attempts;
    this.views = views;
    this.reviews = reviews;
    this.outbox = outbox;
    this.access = access;
  }

  @Transactional
  public ReviewResult review(UUID attemptId, Caller coach, ReviewRequest request) {
    String coachId = coach.id();
    Attempt attempt =
        attempts
            .findById(attemptId)
            .filter(a -> access.sees(coach, a.candidateId()))
            .orElseThrow(
                () -> ProblemException.notFound("id", "no scored attempt with id " + attemptId));
    String reason = blankToNull(request.reason());
    String comment = blankToNull(request.comment());
    if (request.overrideScore() == null && comment == null) {
      throw ProblemException.badRequest(
          "overrideScore", "a review needs an override score or a comment");
    }
    if (request.overrideScore() != null && reason == null) {
      throw ProblemException.badRequest("reason", "an override score needs a reason");
    }
    AttemptReview review =
        reviews.save(
            new AttemptReview(
                UUID.randomUUID(),
                attemptId,
                attempt.candidateId(),
                coachId,
                attempt.score(),
                attempt.effectiveScore(),
                request.overrideScore(),
                reason,
                comment,
                Instant.now()));
    if (request.overrideScore() != null) {
      attempts.updateReviewedScore(attemptId, request.overrideScore());
    }
    outbox.publish(
        Topics.ASSESSMENT_REVIEWED,
        attempt.candidateId(),
        new AttemptReviewed(
            UUID.randomUUID(),
            AttemptReviewed.SCHEMA_VERSION,
            review.createdAt(),
            attemptId,
            attempt.candidateId(),
            coachId,
            request.overrideScore(),
            reason,
            comment));
    Attempt updated = attempts.findById(attemptId).orElseThrow();
    return new ReviewResult(review, views.of(updated));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
