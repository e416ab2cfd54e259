package dev.rehearse.contracts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/**
 * Tokens of {@code subject} that no service may accept any more, on {@link Topics#GATEWAY_ACCESS}
 * keyed by subject: those of one sign-in session ({@code sessionId}, the token's {@code sid}), or
 * all issued before {@code issuedBefore}. Services forget the entry at {@code until}, when every
 * token it covers has expired anyway.
 */
@Serdeable
public record AccessRevoked(
    @NotNull UUID eventId,
    int schemaVersion,
    @NotNull Instant occurredAt,
    @NotBlank String subject,
    @Nullable String sessionId,
    @Nullable Instant issuedBefore,
    @NotBlank String reason,
    @NotNull Instant until)
    implements Event {

  public static final int SCHEMA_VERSION = 1;
}
