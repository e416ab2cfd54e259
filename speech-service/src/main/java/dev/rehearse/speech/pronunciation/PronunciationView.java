package dev.rehearse.speech.pronunciation;

import dev.rehearse.speech.vosk.RecognizedWord;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/**
 * A judged drill: {@code heard} is what was recognised ("[unk]" when nothing), {@code words} its
 * words with confidence (0-1) and times (seconds), {@code advice} what to do next.
 */
@Serdeable
public record PronunciationView(
    UUID id,
    String term,
    String heard,
    Verdict verdict,
    int score,
    List<RecognizedWord> words,
    String advice) {

  static PronunciationView of(PronunciationAttempt a) {
    return new PronunciationView(
        a.id(), a.term(), a.heard(), a.verdict(), a.score(), a.words(), a.advice());
  }
}
