package dev.rehearse.assessment.quiz;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The quiz as it was served ({@code itemIds}) and what was chosen for each answered item: {@code
 * optionId} for a one-answer item, {@code optionIds} (every box ticked) for an item with several
 * right answers.
 */
@Serdeable
public record QuizRequest(
    @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 100) String> itemIds,
    @NotEmpty @Size(max = 50) List<@NotNull @Valid Answer> answers) {

  @Serdeable
  public record Answer(
      @NotBlank @Size(max = 100) String itemId,
      @Nullable @Size(max = 20) String optionId,
      @Nullable @Size(max = 10) List<@NotBlank @Size(max = 20) String> optionIds) {

    /** The shape before several answers: one option. */
    public Answer(String itemId, String optionId) {
      this(itemId, optionId, null);
    }

    /** Every option chosen, in the order given; empty when neither field is given. */
    List<String> picks() {
      if (optionIds != null && !optionIds.isEmpty()) {
        return optionIds;
      }
      return optionId == null || optionId.isBlank() ? List.of() : List.of(optionId);
    }

    /** Both fields at once is ambiguous. */
    boolean choosesBothWays() {
      return optionId != null && optionIds != null && !optionIds.isEmpty();
    }
  }
}
