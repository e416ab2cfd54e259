package dev.rehearse.assessment.selfassessment;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A candidate's ratings of a role's self-check statements: 1 = I could not do this yet, 2 = with
 * help, 3 = confidently on my own, 4 = I could teach it.
 */
@Serdeable
public record SelfAssessmentRequest(
    @NotBlank @Size(max = 100) String roleId,
    @NotEmpty @Size(max = 200) List<@NotNull @Valid Rating> ratings) {

  @Serdeable
  public record Rating(
      @NotBlank @Size(max = 100) String itemId, @NotNull @Min(1) @Max(4) Integer rating) {}
}
