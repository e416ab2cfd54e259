package dev.rehearse.assessment.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * A session to start: {@code questionIds} names the questions (then {@code questionCount}, {@code
 * skills} and {@code level} are ignored), otherwise they are chosen for the role. Times in seconds.
 */
@Serdeable
public record NewSession(
    @NotBlank @Size(max = 100) String roleId,
    @Nullable @Min(1) @Max(15) Integer questionCount,
    @Nullable @Size(max = 20) List<@NotBlank @Size(max = 100) String> skills,
    @Nullable @Size(max = 20) String level,
    @Nullable @Size(min = 1, max = 15) List<@NotBlank @Size(max = 100) String> questionIds,
    @Nullable @Min(0) @Max(600) Integer thinkingSeconds,
    @Nullable @Min(10) @Max(1800) Integer answerSeconds,
    @Nullable UUID assignmentId) {

  static final int DEFAULT_COUNT = 5;
  static final int DEFAULT_THINKING = 30;
  static final int DEFAULT_ANSWER = 180;

  int count() {
    return questionCount == null ? DEFAULT_COUNT : questionCount;
  }

  int thinking() {
    return thinkingSeconds == null ? DEFAULT_THINKING : thinkingSeconds;
  }

  int answer() {
    return answerSeconds == null ? DEFAULT_ANSWER : answerSeconds;
  }
}
