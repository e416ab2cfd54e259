package dev.rehearse.contracts;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The transcript of a spoken answer, on {@link Topics#SPEECH_TRANSCRIPTS}. {@code sessionId}
 * (optional, added later in schema 1) names the mock interview session the answer belongs to.
 */
@Serdeable
public record TranscriptReady(
    @NotNull UUID eventId,
    int schemaVersion,
    @NotNull Instant occurredAt,
    @NotNull UUID attemptId,
    @NotBlank String candidateId,
    @NotBlank String questionId,
    @NotNull String text,
    @Valid List<Word> words,
    double durationSeconds,
    @NotNull @Valid Fluency fluency,
    @Nullable UUID sessionId)
    implements Event, AboutCandidate {

  public static final int SCHEMA_VERSION = 1;

  /** Serializers may drop empty lists; absent means empty. */
  @Creator
  public TranscriptReady {
    words = words == null ? List.of() : words;
  }

  /** An answer outside any session. */
  public TranscriptReady(
      UUID eventId,
      int schemaVersion,
      Instant occurredAt,
      UUID attemptId,
      String candidateId,
      String questionId,
      String text,
      List<Word> words,
      double durationSeconds,
      Fluency fluency) {
    this(
        eventId,
        schemaVersion,
        occurredAt,
        attemptId,
        candidateId,
        questionId,
        text,
        words,
        durationSeconds,
        fluency,
        null);
  }

  /** One recognised word with its time span (seconds) and confidence (0-1). */
  @Serdeable
  public record Word(@NotBlank String word, double start, double end, double confidence) {}

  /** Delivery figures of a spoken answer. */
  @Serdeable
  public record Fluency(
      double wordsPerMinute,
      int fillerCount,
      double fillerRate,
      int longPauses,
      double longestPause) {}
}
