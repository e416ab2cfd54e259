package dev.rehearse.gateway.accounts;

import io.micronaut.core.annotation.Introspected;
import java.time.Instant;
import java.util.UUID;

/**
 * An account whose role changed at {@code tokensValidAfter}: tokens issued before then are out of
 * date.
 */
@Introspected
public record RoleChanged(UUID id, Instant tokensValidAfter) {}
