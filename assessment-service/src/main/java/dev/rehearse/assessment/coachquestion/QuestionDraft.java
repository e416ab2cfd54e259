package dev.rehearse.assessment.coachquestion;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * A coach's question as written: shared with some of the coach's cohorts, scored on the rubric when
 * there is one, else on key points taken from the model answer.
 */
@Serdeable
public record QuestionDraft(
    @NotEmpty(message = "share the question with at least one of your cohorts") @Size(max = 20)
        List<@NotNull UUID> cohortIds,
    @NotBlank @Size(max = 100) String skillId,
    @Nullable
        @Pattern(
            regexp = "Beginner|Intermediate|Advanced|Expert",
            message = "must be Beginner, Intermediate, Advanced or Expert")
        String level,
    @NotBlank @Size(max = 4000) String text,
    @NotBlank @Size(max = 10_000) String modelAnswer,
    @Nullable @Size(max = 12) List<@Valid RubricItem> rubric,
    @NotNull QuestionType type) {

  public enum QuestionType {
    OPEN,
    SCENARIO
  }

  /** A concept the answer should cover, its share of the score, and words that also count. */
  @Serdeable
  public record RubricItem(
      @NotBlank @Size(max = 200) String label,
      @Min(1) @Max(100) int weight,
      @Nullable @Size(max = 20) List<@NotBlank @Size(max = 100) String> synonyms) {}
}
