package dev.rehearse.gateway.accounts;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Serdeable
public record PasswordChange(
    @NotNull @Size(max = 200) String currentPassword,
    @NotNull @Size(min = 8, max = 72) String newPassword) {}
