package dev.rehearse.assessment.cohort;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
public record NewCohort(@NotBlank @Size(max = 100) String name) {}
