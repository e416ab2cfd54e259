package dev.rehearse.assessment.selfassessment;

import dev.rehearse.assessment.access.Identity;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

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
      @Header(Identity.CANDIDATE) @NotBlank @Size(max = 100) String candidateId,
      @Body @Valid SelfAssessmentRequest request) {
    return HttpResponse.created(assessing.assess(candidateId, request));
  }
}
