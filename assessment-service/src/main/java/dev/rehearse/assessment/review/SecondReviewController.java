package dev.rehearse.assessment.review;

import static dev.rehearse.assessment.cohort.CohortAccess.requireStaff;

import dev.rehearse.assessment.cohort.Cohorts;
import dev.rehearse.platform.identity.Caller;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;

/** Blind second reviews of coaches' reviews, and how well a cohort's reviewers agree. */
@Controller
public class SecondReviewController {
  private final SecondReviews secondReviews;
  private final SecondReviewRepository requests;
  private final Cohorts cohorts;

  public SecondReviewController(
      SecondReviews secondReviews, SecondReviewRepository requests, Cohorts cohorts) {
    this.secondReviews = secondReviews;
    this.requests = requests;
    this.cohorts = cohorts;
  }

  @Operation(
      summary =
          "Ask for a blind second review of an attempt's scored review, by a named coach or admin"
              + " or (reviewerId empty) any other coach of the candidate")
  @Post("/api/coach/attempts/{id}/second-review-requests")
  public HttpResponse<SecondReviewView> request(
      UUID id, Caller caller, @Body @Valid SecondReviewRequest request) {
    return HttpResponse.created(secondReviews.request(id, requireStaff(caller), request));
  }

  @Operation(summary = "The second reviews waiting for the caller, without the first reviews")
  @Get("/api/coach/second-reviews")
  public List<SecondReviewView> queue(Caller caller) {
    return secondReviews.queueOf(requireStaff(caller));
  }

  @Operation(
      summary = "One second review: blind while the caller may make it, both reviews once made")
  @Get("/api/coach/second-reviews/{id}")
  public SecondReviewView get(UUID id, Caller caller) {
    return secondReviews.get(id, requireStaff(caller));
  }

  @Operation(
      summary =
          "Make a second review (concept marks or a score with a reason); the answer shows both")
  @Post("/api/coach/second-reviews/{id}")
  public SecondReviewView submit(UUID id, Caller caller, @Body @Valid ReviewRequest request) {
    return secondReviews.submit(id, requireStaff(caller), request);
  }

  @Operation(
      summary =
          "Agreement between first and second reviewers in a cohort: mean absolute difference,"
              + " share within 10 points, disagreements over 15")
  @Get("/api/coach/cohorts/{id}/review-agreement")
  public ReviewAgreement agreement(UUID id, Caller caller) {
    UUID cohort = cohorts.readable(requireStaff(caller), id).id();
    return ReviewAgreement.of(cohort, requests.pairsOf(cohort));
  }
}
