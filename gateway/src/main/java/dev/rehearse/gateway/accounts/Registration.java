package dev.rehearse.gateway.accounts;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Serdeable
public record Registration(
    @NotBlank @Email @Size(max = 254) String email,
    @NotNull @Size(min = 8, max = 72) String password,
    @NotBlank @Size(max = 100) String displayName) {}
