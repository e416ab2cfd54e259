package dev.rehearse.assessment.review;

import dev.rehearse.assessment.access.Identity;
import dev.rehearse.assessment.scoring.AttemptRepository;
import dev.rehearse.assessment.scoring.AttemptView;
import dev.rehearse.assessment.scoring.CandidateSummary;
import dev.rehearse.platform.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** Coach review: the cohort, a candidate's attempts, overrides and comments with their audit trail. */
@Controller
public class ReviewController {
  private final Reviewing reviewing;
  private final AttemptRepository attempts;
  private final AttemptReviewRepository reviews;

  public ReviewController(Reviewing reviewing, AttemptRepository attempts, AttemptReviewRepository reviews) {
    this.reviewing = reviewing;
    this.attempts = attempts;
    this.reviews = reviews;
  }

  @Operation(summary = "Override an attempt's score (with a reason) and/or comment on it; the machine score is kept")
  @Post("/api/attempts/{id}/reviews")
  public HttpResponse<ReviewResult> review(UUID id, @Nullable @Header(Identity.COACH) String coachId,
      @Nullable @Header(Identity.CANDIDATE) String subject, @Nullable @Header(Identity.ROLE) String role,
      @Body @Valid ReviewRequest request) {
    return HttpResponse.created(reviewing.review(id, Identity.coach(coachId, subject, role), request));
  }

  @Operation(summary = "An attempt's audit trail: every review with who, when and why")
  @Get("/api/attempts/{id}/reviews")
  public List<AttemptReview> trail(UUID id) {
    if (!attempts.existsById(id)) {
      throw ProblemException.notFound("id", "no scored attempt with id " + id);
    }
    return reviews.findByAttemptIdOrderByCreatedAt(id);
  }

  @Operation(summary = "The coach's cohort: every candidate with attempts, newest activity first")
  @Get("/api/coach/candidates")
  public List<CandidateSummary> candidates(@Nullable @Header(Identity.COACH) String coachId,
      @Nullable @Header(Identity.CANDIDATE) String subject, @Nullable @Header(Identity.ROLE) String role) {
    Identity.coach(coachId, subject, role);
    return attempts.candidates();
  }

  @Operation(summary = "A candidate's attempts, newest first, with effective and machine scores")
  @Get("/api/coach/candidates/{candidateId}/attempts")
  public List<AttemptView> candidateAttempts(@Size(max = 100) String candidateId,
      @Nullable @Header(Identity.COACH) String coachId, @Nullable @Header(Identity.CANDIDATE) String subject,
      @Nullable @Header(Identity.ROLE) String role) {
    Identity.coach(coachId, subject, role);
    List<AttemptView> list = attempts.findByCandidateIdOrderByCreatedAtDesc(candidateId).stream().map(AttemptView::of).toList();
    if (list.isEmpty()) {
      throw ProblemException.notFound("candidateId", "no attempts by candidate " + candidateId);
    }
    return list;
  }
}
