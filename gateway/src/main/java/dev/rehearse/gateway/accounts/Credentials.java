package dev.rehearse.gateway.accounts;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Serdeable
public record Credentials(
    @NotBlank @Size(max = 254) String email, @NotNull @Size(max = 200) String password) {}
