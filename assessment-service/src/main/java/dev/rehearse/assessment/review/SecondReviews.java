package dev.rehearse.assessment.review;

import dev.rehearse.assessment.cohort.CohortAccess;
import dev.rehearse.assessment.scoring.Attempt;
import dev.rehearse.assessment.scoring.AttemptRepository;
import dev.rehearse.assessment.scoring.AttemptViews;
import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Blind second reviews: staff who see a candidate ask for one of an attempt's scored first review;
 * the named reviewer, or any other coach or admin who sees the candidate, makes it without seeing
 * the first (its marks, score and comment) until they submit. Nobody second-reviews their own
 * review. The second review does not change the attempt's score: it measures agreement.
 */
@Singleton
public class SecondReviews {
  private final SecondReviewRepository requests;
  private final AttemptReviewRepository reviews;
  private final AttemptRepository attempts;
  private final AttemptViews views;
  private final CohortAccess access;
  private final Reviewing reviewing;

  public SecondReviews(
      SecondReviewRepository requests,
      AttemptReviewRepository reviews,
      AttemptRepository attempts,
      AttemptViews views,
      CohortAccess access,
      Reviewing reviewing) {
    this.requests = requests;
    this.reviews = reviews;
    this.attempts = attempts;
    this.views = views;
    this.access = access;
    this.reviewing = reviewing;
  }

  @Transactional
  public SecondReviewView request(UUID attemptId, Caller staff, SecondReviewRequest request) {
    Attempt attempt = reviewing.reachable(attemptId, staff);
    AttemptReview first =
        reviews
            .findFirstByAttemptIdAndRoundAndOverrideScoreIsNotNullOrderByCreatedAtDesc(
                attemptId, AttemptReview.FIRST)
            .orElseThrow(
                () ->
                    conflict(
                        "id", "this attempt has no scored review yet to review a second time"));
    String reviewer =
        request.reviewerId() == null || request.reviewerId().isBlank()
            ? null
            : request.reviewerId().trim();
    if (reviewer != null && reviewer.equals(first.coachId())) {
      throw ProblemException.badRequest(
          "reviewerId", "the first reviewer cannot make the second review: name someone else");
    }
    if (requests.findByAttemptIdAndSecondReviewIdIsNull(attemptId).isPresent()) {
      throw conflict("id", "a second review of this attempt is already open");
    }
    SecondReview saved =
        requests.save(
            new SecondReview(
                UUID.randomUUID(),
                attemptId,
                attempt.candidateId(),
                first.id(),
                staff.id(),
                reviewer,
                null,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                null));
    return view(saved, staff);
  }

  /** The open second reviews the caller may make, oldest first. */
  public List<SecondReviewView> queueOf(Caller staff) {
    return requests.openFor(staff.id()).stream()
        .filter(r -> mayTake(staff, r))
        .map(r -> view(r, staff))
        .toList();
  }

  public SecondReviewView get(UUID id, Caller staff) {
    return view(visible(id, staff), staff);
  }

  @Transactional
  public SecondReviewView submit(UUID id, Caller staff, ReviewRequest request) {
    SecondReview open = visible(id, staff);
    if (!open.open()) {
      throw conflict("id", "this second review has been made already");
    }
    if (Objects.equals(firstReviewer(open), staff.id())) {
      throw ProblemException.forbidden(
          "you made the first review of this attempt; another coach makes the second");
    }
    if (!mayTake(staff, open)) {
      throw ProblemException.forbidden("this second review was asked of another reviewer");
    }
    Attempt attempt = attempts.findById(open.attemptId()).orElseThrow();
    AttemptReview second = reviewing.record(attempt, staff, request, AttemptReview.SECOND);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    requests.updateSecondReviewIdAndCompletedAt(open.id(), second.id(), now);
    return view(requests.findById(open.id()).orElseThrow(), staff);
  }

  /**
   * Whether the caller is a blind reviewer of this open request: named, or (nobody named) staff who
   * see the candidate; never the first reviewer.
   */
  boolean mayTake(Caller caller, SecondReview request) {
    return request.open()
        && caller.isStaff()
        && access.sees(caller, request.candidateId())
        && !caller.id().equals(firstReviewer(request))
        && (request.reviewerId() == null || request.reviewerId().equals(caller.id()));
  }

  private SecondReview visible(UUID id, Caller staff) {
    return requests
        .findById(id)
        .filter(r -> access.sees(staff, r.candidateId()))
        .orElseThrow(() -> ProblemException.notFound("id", "no second review with id " + id));
  }

  private String firstReviewer(SecondReview request) {
    return reviews.findById(request.firstReviewId()).map(AttemptReview::coachId).orElse(null);
  }

  private SecondReviewView view(SecondReview request, Caller caller) {
    Attempt attempt = attempts.findById(request.attemptId()).orElseThrow();
    boolean blind = mayTake(caller, request);
    return new SecondReviewView(
        request,
        views.of(blind ? attempt.asScored() : attempt),
        blind ? null : reviews.findById(request.firstReviewId()).orElse(null),
        request.open() ? null : reviews.findById(request.secondReviewId()).orElse(null));
  }

  /**
   * Whether the caller must see this attempt as the machine scored it: an open second review of it
   * is theirs to make.
   */
  public boolean blindTo(Caller caller, UUID attemptId) {
    return requests
        .findByAttemptIdAndSecondReviewIdIsNull(attemptId)
        .filter(r -> mayTake(caller, r))
        .isPresent();
  }

  /** The candidate's attempts the caller must see as the machine scored them. */
  public Set<UUID> blindTo(Caller caller, String candidateId) {
    return requests.findByCandidateIdAndSecondReviewIdIsNull(candidateId).stream()
        .filter(r -> mayTake(caller, r))
        .map(SecondReview::attemptId)
        .collect(Collectors.toSet());
  }

  private static ProblemException conflict(String field, String message) {
    return new ProblemException(HttpStatus.CONFLICT, field, message);
  }
}
