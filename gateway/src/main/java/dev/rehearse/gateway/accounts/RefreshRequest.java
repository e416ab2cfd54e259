package dev.rehearse.gateway.accounts;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
public record RefreshRequest(@NotBlank @Size(max = 100) String refreshToken) {}
