package dev.rehearse.gateway.accounts;

import dev.rehearse.gateway.identity.Role;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

@Serdeable
public record RoleChange(@NotNull Role role) {}
