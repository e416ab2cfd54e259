package dev.rehearse.contracts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/**
 * A mock interview session that ended (every question answered or skipped), on {@link
 * Topics#ASSESSMENT_SESSIONS} keyed by candidate. Ids and figures only: nothing personal but the
 * candidate's id, which {@link AccountDeleted} erases everywhere.
 */
@Serdeable
public record SessionCompleted(
    @NotNull UUID eventId,
    int schemaVersion,
    @NotNull Instant occurredAt,
    @NotNull UUID sessionId,
    @NotBlank String candidateId,
    @NotBlank String roleId,
    @Nullable UUID assignmentId,
    int questionCount,
    int answered,
    int skipped,
    @Nullable Integer averageScore)
    implements Event, AboutCandidate {

  public static final int SCHEMA_VERSION = 1;
}
