package dev.rehearse.assessment.scoring;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** {@code sessionId} names the mock interview session the answer belongs to, if any. */
@Serdeable
public record TypedAnswer(
    @NotBlank @Size(max = 100) String questionId,
    @NotBlank @Size(max = 10_000, message = "must be at most 10,000 characters") String answerText,
    @Nullable UUID sessionId) {}
