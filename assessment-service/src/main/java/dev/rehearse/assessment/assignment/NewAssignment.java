package dev.rehearse.assessment.assignment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * An assignment as a coach sets it: a SESSION names a role and either a number of questions
 * (default 5) or named questions; a PRACTICE_SET names its questions.
 */
@Serdeable
public record NewAssignment(
    @NotBlank @Size(max = 200) String title,
    @NotNull AssignmentKind kind,
    @NotBlank @Size(max = 100) String roleId,
    @Nullable @Size(max = 20) List<@NotBlank @Size(max = 100) String> skills,
    @Nullable
        @Pattern(
            regexp = "Beginner|Intermediate|Advanced|Expert",
            message = "must be Beginner, Intermediate, Advanced or Expert")
        String level,
    @Nullable @Min(1) @Max(15) Integer questionCount,
    @Nullable @Size(max = 30) List<@NotBlank @Size(max = 100) String> questionIds,
    @Nullable @Min(0) @Max(600) Integer thinkingSeconds,
    @Nullable @Min(30) @Max(1800) Integer answerSeconds,
    @NotNull @Future(message = "must be in the future") Instant dueAt) {}
