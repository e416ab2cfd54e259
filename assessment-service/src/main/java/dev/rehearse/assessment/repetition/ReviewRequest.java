package dev.rehearse.assessment.repetition;

import dev.rehearse.platform.repetition.Rating;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A grade for one card: which card (kind and item) and how well it was recalled. */
@Serdeable
public record ReviewRequest(
    @NotNull CardKind kind, @NotBlank @Size(max = 300) String itemRef, @NotNull Rating rating) {}
