package dev.rehearse.assessment.repetition;

import dev.rehearse.platform.repetition.Rating;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A grade for one card: which card (kind and item) and how well it was recalled. {@code label} (the
 * term) is needed only by the first grade of a vocabulary card: vocabulary stays in
 * question-service and never reaches this service's catalog.
 */
@Serdeable
public record ReviewRequest(
    @NotNull CardKind kind,
    @NotBlank @Size(max = 300) String itemRef,
    @NotNull Rating rating,
    @Nullable @Size(max = 200) String label) {}
