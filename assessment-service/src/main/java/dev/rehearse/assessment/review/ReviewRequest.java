package dev.rehearse.assessment.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** A coach's review: an override score (0-100) with its reason, a comment, or both. */
@Serdeable
public record ReviewRequest(
    @Nullable @Min(0) @Max(100) Integer overrideScore,
    @Nullable @Size(max = 500) String reason,
    @Nullable @Size(max = 2000) String comment) {}
