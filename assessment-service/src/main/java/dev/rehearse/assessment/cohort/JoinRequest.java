package dev.rehearse.assessment.cohort;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The code a coach handed out; case, spaces and dashes do not matter. */
@Serdeable
public record JoinRequest(@NotBlank @Size(max = 32) String joinCode) {}
