package dev.rehearse.contracts;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A scored attempt, typed or spoken, on {@link Topics#ASSESSMENT_SCORED} keyed by candidate. */
@Serdeable
public record AttemptScored(
    @NotNull UUID eventId,
    int schemaVersion,
    @NotNull Instant occurredAt,
    @NotNull UUID attemptId,
    @NotBlank String candidateId,
    @NotBlank String questionId,
    @NotBlank String skillId,
    @NotNull Mode mode,
    int score,
    @NotBlank String band,
    List<String> conceptsHit,
    List<String> conceptsMissed,
    List<String> redFlags)
    implements Event, AboutCandidate {

  public static final int SCHEMA_VERSION = 1;

  /** Serializers may drop empty lists; absent means empty. */
  public AttemptScored {
    conceptsHit = conceptsHit == null ? List.of() : conceptsHit;
    conceptsMissed = conceptsMissed == null ? List.of() : conceptsMissed;
    redFlags = redFlags == null ? List.of() : redFlags;
  }

  public enum Mode {
    TYPED,
    SPOKEN
  }
}
