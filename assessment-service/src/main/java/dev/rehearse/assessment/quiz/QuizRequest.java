package dev.rehearse.assessment.quiz;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The quiz as it was served ({@code itemIds}) and the option chosen for each answered item. */
@Serdeable
public record QuizRequest(
    @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 100) String> itemIds,
    @NotEmpty @Size(max = 50) List<@NotNull @Valid Answer> answers) {

  @Serdeable
  public record Answer(
      @NotBlank @Size(max = 100) String itemId, @NotBlank @Size(max = 20) String optionId) {}
}
