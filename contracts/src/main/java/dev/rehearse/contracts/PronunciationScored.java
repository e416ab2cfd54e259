package dev.rehearse.contracts;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/** One scored pronunciation attempt, on {@link Topics#SPEECH_PRONUNCIATIONS} keyed by candidate. */
@Serdeable
public record PronunciationScored(
    @NotNull UUID eventId,
    int schemaVersion,
    @NotNull Instant occurredAt,
    @NotNull UUID attemptId,
    @NotBlank String candidateId,
    @NotBlank String term,
    @NotBlank String heard,
    @NotBlank String verdict,
    int score)
    implements Event, AboutCandidate {

  public static final int SCHEMA_VERSION = 1;
}
