package dev.rehearse.assessment.review;

import dev.rehearse.assessment.cohort.CohortAccess;
import dev.rehearse.assessment.scoring.AttemptRepository;
import dev.rehearse.assessment.scoring.AttemptView;
import dev.rehearse.assessment.scoring.AttemptViews;
import dev.rehearse.assessment.scoring.MarkedScore;
import dev.rehearse.platform.identity.Caller;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Coach review: a candidate's attempts, overrides and comments with their audit trail; coaches
 * reach their cohorts only.
 */
@Controller
public class ReviewController {
  private final Reviewing reviewing;
  private final AttemptRepository attempts;
  private final AttemptViews views;
  private final AttemptReviewRepository reviews;
  private final CohortAccess access;
  private final SecondReviews secondReviews;

  public ReviewController(
      Reviewing reviewing,
      AttemptRepository attempts,
      AttemptViews views,
      AttemptReviewRepository reviews,
      CohortAccess access,
      SecondReviews secondReviews) {
    this.reviewing = reviewing;
    this.attempts = attempts;
    this.views = views;
    this.reviews = reviews;
    this.access = access;
    this.secondReviews = secondReviews;
  }

  @Operation(
      summary =
          "Review an attempt: mark each concept covered or not with a reason (the score is"
              + " recomputed), or override the score with a reason; a comment with either or alone."
              + " The machine score is kept")
  @Post("/api/attempts/{id}/reviews")
  public HttpResponse<ReviewResult> review(
      UUID id, Caller caller, @Body @Valid ReviewRequest request) {
    return HttpResponse.created(reviewing.review(id, CohortAccess.requireStaff(caller), request));
  }

  @Operation(summary = "The score a coach's concept marks would give, without saving them")
  @Post("/api/attempts/{id}/reviews/preview")
  public MarkedScore preview(UUID id, Caller caller, @Body @Valid ReviewRequest request) {
    return reviewing.preview(id, CohortAccess.requireStaff(caller), request);
  }

  /** Empty for a blind second reviewer until they submit. */
  @Operation(summary = "An attempt's audit trail: every review with who, when, why and its marks")
  @Get("/api/attempts/{id}/reviews")
  public List<AttemptReview> trail(UUID id, Caller caller) {
    if (attempts.findById(id).filter(a -> access.mayRead(caller, a.candidateId())).isEmpty()) {
      throw ProblemException.notFound("id", "no scored attempt with id " + id);
    }
    return secondReviews.blindTo(caller, id)
        ? List.of()
        : reviews.findByAttemptIdOrderByCreatedAt(id);
  }

  @Operation(summary = "A candidate's attempts, newest first, with effective and machine scores")
  @Get("/api/coach/candidates/{candidateId}/attempts")
  public List<AttemptView> candidateAttempts(@Size(max = 100) String candidateId, Caller caller) {
    access.requireSees(caller, candidateId);
    Set<UUID> blind = secondReviews.blindTo(caller, candidateId);
    return views.of(
        attempts.findByCandidateIdOrderByCreatedAtDesc(candidateId).stream()
            .map(a -> blind.contains(a.id()) ? a.asScored() : a)
            .toList());
  }
}
