package dev.rehearse.platform.identity;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A token whose signature and claims were checked: who it names and what revocation may match. */
public record VerifiedToken(
    Caller caller,
    @Nullable String tokenId,
    @Nullable String sessionId,
    Instant issuedAt,
    Instant expiresAt,
    @Nullable String email) {}
