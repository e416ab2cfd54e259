package dev.rehearse.assessment.review;

import dev.rehearse.assessment.cohort.CohortAccess;
import dev.rehearse.assessment.scoring.Attempt;
import dev.rehearse.assessment.scoring.AttemptRepository;
import dev.rehearse.assessment.scoring.AttemptViews;
import dev.rehearse.assessment.scoring.MarkedScore;
import dev.rehearse.contracts.AttemptReviewed;
import dev.rehearse.contracts.Topics;
import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.outbox.Outbox;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Records a coach's review: the audit entry, the attempt's current reviewed score and the {@code
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
  private final ConceptMarking marking;

  public Reviewing(
      AttemptRepository attempts,
      AttemptViews views,
      AttemptReviewRepository reviews,
      Outbox outbox,
      CohortAccess access,
      ConceptMarking marking) {
    this.attempts = attempts;
    this.views = views;
    this.reviews = reviews;
    this.outbox = outbox;
    this.access = access;
    this.marking = marking;
  }

  @Transactional
  public ReviewResult review(UUID attemptId, Caller coach, ReviewRequest request) {
    Attempt attempt = reachable(attemptId, coach);
    AttemptReview review = record(attempt, coach, request, AttemptReview.FIRST);
    if (review.overrideScore() != null) {
      attempts.updateReviewedScore(attemptId, review.overrideScore());
    }
    // a per-concept review's reasons stay in the audit trail: its event carries ids and the score
    boolean marked = review.marks() != null;
    outbox.publish(
        Topics.ASSESSMENT_REVIEWED,
        attempt.candidateId(),
        new AttemptReviewed(
            UUID.randomUUID(),
            AttemptReviewed.SCHEMA_VERSION,
            review.createdAt(),
            attemptId,
            attempt.candidateId(),
            coach.id(),
            review.overrideScore(),
            marked ? null : review.reason(),
            marked ? null : review.comment()));
    return new ReviewResult(review, views.of(attempts.findById(attemptId).orElseThrow()));
  }

  /** The score a set of marks would give, without saving anything. */
  public MarkedScore preview(UUID attemptId, Caller coach, ReviewRequest request) {
    if (request.marksOrNone().isEmpty()) {
      throw ProblemException.badRequest("marks", "a preview needs the marks of every concept");
    }
    return marking.mark(reachable(attemptId, coach), request).score();
  }

  /** An attempt of a candidate the caller coaches (or any, for an admin). */
  Attempt reachable(UUID attemptId, Caller coach) {
    return attempts
        .findById(attemptId)
        .filter(a -> access.sees(coach, a.candidateId()))
        .orElseThrow(
            () -> ProblemException.notFound("id", "no scored attempt with id " + attemptId));
  }

  /**
   * Checks the request and saves its audit entry: per-concept marks (the score recomputed from
   * them), an override with its reason, or a comment alone (round 1 only: a second review must give
   * a score).
   */
  AttemptReview record(Attempt attempt, Caller coach, ReviewRequest request, int round) {
    String reason = blankToNull(request.reason());
    String comment = blankToNull(request.comment());
    boolean marked = !request.marksOrNone().isEmpty();
    if (marked && request.overrideScore() != null) {
      throw ProblemException.badRequest(
          "overrideScore", "give marks or an override score, not both: marks set the score");
    }
    if (!marked && !request.clearedOrNone().isEmpty()) {
      throw ProblemException.badRequest(
          "clearedFlags", "clearing a red flag goes with the marks of every concept");
    }
    if (!marked
        && request.overrideScore() == null
        && (comment == null || round != AttemptReview.FIRST)) {
      throw ProblemException.badRequest(
          "overrideScore",
          round == AttemptReview.FIRST
              ? "a review needs marks, an override score or a comment"
              : "a second review needs marks or an override score");
    }
    if (request.overrideScore() != null && reason == null) {
      throw ProblemException.badRequest("reason", "an override score needs a reason");
    }
    ConceptMarking.Marked marks = marked ? marking.mark(attempt, request) : null;
    return reviews.save(
        new AttemptReview(
            UUID.randomUUID(),
            attempt.id(),
            attempt.candidateId(),
            coach.id(),
            attempt.score(),
            attempt.effectiveScore(),
            marked ? Integer.valueOf(marks.score().score()) : request.overrideScore(),
            reason,
            comment,
            Instant.now().truncatedTo(ChronoUnit.MICROS),
            marked ? marks.marks() : null,
            marked ? marks.cleared() : null,
            round));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
