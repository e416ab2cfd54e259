package dev.rehearse.assessment.review;

import dev.rehearse.assessment.cohort.CohortAccess;
import dev.rehearse.assessment.scoring.AttemptRepository;
import dev.rehearse.assessment.scoring.AttemptView;
import dev.rehearse.assessment.scoring.AttemptViews;
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

  public ReviewController(
      Reviewing reviewing,
      AttemptRepository attempts,
      AttemptViews views,
      AttemptReviewRepository reviews,
      CohortAccess access) {
    this.reviewing = reviewing;
    this.attempts = attempts;
    this.views = views;
    this.reviews = reviews;
    this.access = access;
  }

  @Operation(
      summary =
          "Override an attempt's score (with a reason) and/or comment on it; the machine score is kept")
  @Post("/api/attempts/{id}/reviews")
  public HttpResponse<ReviewResult> review(
      UUID id, Caller caller, @Body @Valid ReviewRequest request) {
    return HttpResponse.created(reviewing.review(id, CohortAccess.requireStaff(caller), request));
  }

  @Operation(summary = "An attempt's audit trail: every review with who, when and why")
  @Get("/api/attempts/{id}/reviews")
  public List<AttemptReview> trail(UUID id, Caller caller) {
    if (attempts.findById(id).filter(a -> access.mayRead(caller, a.candidateId())).isEmpty()) {
      throw ProblemException.notFound("id", "no scored attempt with id " + id);
    }
    return reviews.findByAttemptIdOrderByCreatedAt(id);
  }

  @Operation(summary = "A candidate's attempts, newest first, with effective and machine scores")
  @Get("/api/coach/candidates/{candidateId}/attempts")
  public List<AttemptView> candidateAttempts(@Size(max = 100) String candidateId, Caller caller) {
    access.requireSees(caller, candidateId);
    return views.of(attempts.findByCandidateIdOrderByCreatedAtDesc(candidateId));
  }
}
