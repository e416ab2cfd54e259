package dev.rehearse.contracts;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/**
 * A candidate deleted their account, on {@link Topics#GATEWAY_ACCOUNTS} keyed by account id: every
 * service erases everything it holds about {@code accountId}. Handling it twice must be harmless.
 */
@Serdeable
public record AccountDeleted(
    @NotNull UUID eventId,
    int schemaVersion,
    @NotNull Instant occurredAt,
    @NotBlank String accountId)
    implements Event {

  public static final int SCHEMA_VERSION = 1;
}
