package dev.rehearse.speech.pronunciation;

import dev.rehearse.contracts.PronunciationScored;
import dev.rehearse.contracts.Topics;
import dev.rehearse.platform.outbox.Outbox;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.UUID;

/** Stores a judged drill and queues its {@link PronunciationScored} event in one transaction. */
@Singleton
public class DrillRecorder {
  private final PronunciationAttemptRepository attempts;
  private final Outbox outbox;

  public DrillRecorder(PronunciationAttemptRepository attempts, Outbox outbox) {
    this.attempts = attempts;
    this.outbox = outbox;
  }

  @Transactional
  public PronunciationAttempt record(
      String candidateId, String questionId, String term, DrillResult r) {
    PronunciationAttempt attempt =
        attempts.save(
            new PronunciationAttempt(
                UUID.randomUUID(),
                candidateId,
                questionId,
                term,
                r.heard(),
                r.verdict(),
                r.score(),
                r.words(),
                r.advice(),
                Instant.now()));
    outbox.publish(
        Topics.SPEECH_PRONUNCIATIONS,
        candidateId,
        new PronunciationScored(
            UUID.randomUUID(),
            PronunciationScored.SCHEMA_VERSION,
            attempt.createdAt(),
            attempt.id(),
            candidateId,
            term,
            r.heard(),
            r.verdict().name(),
            r.score()));
    return attempt;
  }
}
