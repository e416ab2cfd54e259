package dev.rehearse.contracts;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The transcript of a spoken answer, on {@link Topics#SPEECH_TRANSCRIPTS}. */
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
    @NotNull @Valid Fluency fluency)
    implements Event {

  public static final int SCHEMA_VERSION = 1;

  /** Serializers may drop empty lists; absent means empty. */
  public TranscriptReady {
    words = words == null ? List.of() : words;
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
