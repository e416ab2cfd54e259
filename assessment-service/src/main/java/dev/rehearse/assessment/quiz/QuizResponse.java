package dev.rehearse.assessment.quiz;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * One answered (or skipped: no option) quiz item of a submission. {@code optionId} lists every
 * option picked, comma-separated; {@code credit} is the share of the item earned (1 when right).
 */
@MappedEntity("quiz_response")
public record QuizResponse(
    @Id UUID id,
    UUID submissionId,
    String candidateId,
    String itemId,
    String skillId,
    String level,
    @Nullable String optionId,
    boolean correct,
    Instant createdAt,
    double credit) {}
