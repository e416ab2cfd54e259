package dev.rehearse.gateway.accounts;

import dev.rehearse.platform.identity.Role;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** An account; its id is the candidate id the services see. */
@MappedEntity("app_user")
public record UserAccount(
    @Id UUID id,
    String email,
    String displayName,
    String passwordHash,
    Role role,
    Instant createdAt) {}
