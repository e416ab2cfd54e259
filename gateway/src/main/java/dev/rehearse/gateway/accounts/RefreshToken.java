package dev.rehearse.gateway.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** One refresh token of a sign-in session (its family); only the hash of the token is kept. */
@MappedEntity("refresh_tokens")
public record RefreshToken(
    @Id UUID id,
    UUID sessionId,
    UUID accountId,
    String tokenHash,
    Instant issuedAt,
    Instant expiresAt,
    @Nullable Instant usedAt,
    @Nullable Instant revokedAt) {}
