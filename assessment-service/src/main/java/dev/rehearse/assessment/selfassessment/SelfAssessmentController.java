package dev.rehearse.assessment.selfassessment;

import dev.rehearse.platform.identity.Caller;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

@Controller("/api/self-assessments")
public class SelfAssessmentController {
  private final SelfAssessing assessing;

  public SelfAssessmentController(SelfAssessing assessing) {
    this.assessing = assessing;
  }

  @Operation(
      summary =
          "Rate a role's self-check statements 1-4: per-skill level, weighted overall level, red flags, calibration")
  @Post
  public HttpResponse<SelfAssessmentResult> assess(
      Caller caller, @Body @Valid SelfAssessmentRequest request) {
    return HttpResponse.created(assessing.assess(caller.id(), request));
  }
}
