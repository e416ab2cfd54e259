package dev.rehearse.gateway.accounts;

import dev.rehearse.platform.identity.Role;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

@Serdeable
public record RoleChange(@NotNull Role role) {}
