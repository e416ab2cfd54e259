package dev.rehearse.question.practice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code size} defaults to 10; {@code types} (item types, e.g. OPEN, QUIZ) default to all. */
@Serdeable
public record PracticeSetRequest(
    @NotBlank @Size(max = 100) String role,
    @Nullable @Min(1) @Max(50) Integer size,
    @Nullable @Size(max = 6) List<String> types) {}
