package dev.rehearse.contracts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/**
 * A coach's override or comment on an attempt, on {@link Topics#ASSESSMENT_REVIEWED} keyed by
 * candidate.
 */
@Serdeable
public record AttemptReviewed(
    @NotNull UUID eventId,
    int schemaVersion,
    @NotNull Instant occurredAt,
    @NotNull UUID attemptId,
    @NotBlank String candidateId,
    @NotBlank String coachId,
    @Nullable Integer overrideScore,
    @Nullable String reason,
    @Nullable String comment)
    implements Event, AboutCandidate {

  public static final int SCHEMA_VERSION = 1;
}
