package dev.rehearse.assessment.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A coach's review: per-concept marks (every concept of the attempt, each with a reason; the score
 * is recomputed from them), or an override score (0-100) with its reason; a comment with either or
 * alone. {@code clearedFlags} names red flags the coach judges wrongly raised (with marks only).
 */
@Serdeable
public record ReviewRequest(
    @Nullable @Min(0) @Max(100) Integer overrideScore,
    @Nullable @Size(max = 500) String reason,
    @Nullable @Size(max = 2000) String comment,
    @Nullable @Size(max = 50) List<@Valid Mark> marks,
    @Nullable @Size(max = 20) List<@NotBlank @Size(max = 100) String> clearedFlags) {

  /** The request's marks, none when absent. */
  public List<Mark> marksOrNone() {
    return marks == null ? List.of() : marks;
  }

  public List<String> clearedOrNone() {
    return clearedFlags == null ? List.of() : clearedFlags;
  }

  @Serdeable
  public record Mark(
      @NotBlank @Size(max = 100) String concept,
      @NotNull Boolean covered,
      @NotBlank @Size(max = 500) String reason) {}
}
