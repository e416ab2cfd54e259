package dev.rehearse.speech.pronunciation;

import dev.rehearse.speech.vosk.RecognizedWord;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One judged drill (never its audio). */
@MappedEntity("pronunciation_attempt")
public record PronunciationAttempt(
    @Id UUID id,
    String candidateId,
    String questionId,
    String term,
    String heard,
    Verdict verdict,
    int score,
    @TypeDef(type = DataType.JSON) List<RecognizedWord> words,
    String advice,
    Instant createdAt) {}
