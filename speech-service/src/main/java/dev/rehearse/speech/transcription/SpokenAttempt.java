package dev.rehearse.speech.transcription;

import dev.rehearse.contracts.TranscriptReady.Fluency;
import dev.rehearse.speech.vosk.RecognizedWord;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A spoken answer: a transcription job while QUEUED/TRANSCRIBING, then its transcript or why it
 * failed. {@code sessionId} names the mock interview session it answers, if any.
 */
@MappedEntity("spoken_attempt")
public record SpokenAttempt(
    @Id UUID id,
    String candidateId,
    String questionId,
    Status status,
    int percent,
    double durationSeconds,
    int sourceRate,
    int sourceChannels,
    @Nullable String transcript,
    @Nullable @TypeDef(type = DataType.JSON) List<RecognizedWord> words,
    @Nullable @TypeDef(type = DataType.JSON) Fluency fluency,
    @Nullable String error,
    int tries,
    Instant createdAt,
    Instant updatedAt,
    @Nullable UUID sessionId) {

  public enum Status {
    QUEUED,
    TRANSCRIBING,
    TRANSCRIBED,
    FAILED
  }
}
