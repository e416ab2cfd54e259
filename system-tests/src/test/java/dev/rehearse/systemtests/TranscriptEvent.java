package dev.rehearse.systemtests;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A `TranscriptReady` event as speech-service publishes it, for tests that write it to Kafka. */
final class TranscriptEvent {
  private TranscriptEvent() {}

  static String json(UUID attempt, String candidate, String question, String text, double seconds) {
    return Json.write(
        Map.of(
            "eventId",
            UUID.randomUUID().toString(),
            "schemaVersion",
            1,
            "occurredAt",
            Instant.now().toString(),
            "attemptId",
            attempt.toString(),
            "candidateId",
            candidate,
            "questionId",
            question,
            "text",
            text,
            "words",
            List.of(),
            "durationSeconds",
            seconds,
            "fluency",
            Map.of(
                "wordsPerMinute", 140.0,
                "fillerCount", 0,
                "fillerRate", 0.0,
                "longPauses", 0,
                "longestPause", 0.5)));
  }
}
