package dev.rehearse.speech.transcription;

import dev.rehearse.contracts.TranscriptReady.Fluency;
import dev.rehearse.speech.transcription.SpokenAttempt.Status;
import dev.rehearse.speech.vosk.RecognizedWord;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/**
 * A spoken attempt as the candidate sees it: {@code percent} grows while TRANSCRIBING; the
 * transcript, words (seconds, confidence 0-1) and fluency arrive with TRANSCRIBED; {@code error}
 * says why when FAILED. Scoring happens in assessment-service under the same id.
 */
@Serdeable
public record SpokenAttemptView(
    UUID id,
    String candidateId,
    String questionId,
    Status status,
    int percent,
    double durationSeconds,
    @Nullable String transcript,
    List<RecognizedWord> words,
    @Nullable Fluency fluency,
    @Nullable String error) {

  static SpokenAttemptView of(SpokenAttempt a) {
    return new SpokenAttemptView(
        a.id(),
        a.candidateId(),
        a.questionId(),
        a.status(),
        a.percent(),
        a.durationSeconds(),
        a.transcript(),
        a.words() == null ? List.of() : a.words(),
        a.fluency(),
        a.error());
  }
}
