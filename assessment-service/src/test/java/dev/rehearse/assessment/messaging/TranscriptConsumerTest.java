package dev.rehearse.assessment.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rehearse.assessment.AssessmentTestBase;
import dev.rehearse.assessment.scoring.AttemptRepository;
import dev.rehearse.contracts.Topics;
import dev.rehearse.contracts.TranscriptReady;
import dev.rehearse.testsupport.KafkaProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@MicronautTest
class TranscriptConsumerTest extends AssessmentTestBase {
  @Inject AttemptRepository attempts;
  @Inject MeterRegistry meters;

  @Inject
  @Client("/")
  HttpClient http;

  @Test
  void typedAndSpokenScoringAreTimedApart() {
    Timer typed = meters.get("rehearse.scoring").tag("kind", "typed").timer();
    Timer spoken = meters.get("rehearse.scoring").tag("kind", "spoken").timer();
    long typedBefore = typed.count();
    long spokenBefore = spoken.count();

    answer(http, "c-timed", question().questionId(), "a canary release, then roll back");
    assertThat(typed.count()).isEqualTo(typedBefore + 1);
    assertThat(typed.max(TimeUnit.NANOSECONDS)).isPositive();

    UUID attemptId = UUID.randomUUID();
    send(transcript(attemptId, "c-timed", question().questionId(), "canary then roll back"));
    await().atMost(Duration.ofSeconds(30)).until(() -> attempts.findById(attemptId).isPresent());
    assertThat(spoken.count()).isGreaterThan(spokenBefore);
  }

  @Test
  void spokenAnswerIsScoredLikeTypedText() {
    UUID attemptId = UUID.randomUUID();
    send(
        transcript(
            attemptId,
            "c-spoken",
            question().questionId(),
            "a canary with five percent of traffic then roll back"));

    await().atMost(Duration.ofSeconds(30)).until(() -> attempts.findById(attemptId).isPresent());
    var attempt = attempts.findById(attemptId).orElseThrow();
    assertThat(attempt.mode().name()).isEqualTo("SPOKEN");
    assertThat(attempt.score()).isEqualTo(70);
    assertThat(attempt.fluency().wordsPerMinute()).isEqualTo(128);
    assertThat(attempt.delivery().pace()).isEqualTo("comfortable");
    assertThat(attempt.delivery().fillerRate()).isEqualTo(0.05);
    assertThat(attempt.delivery().feedback())
        .anyMatch(f -> f.startsWith("Fillers: 1 (5% of words) are noticeable"));
    // delivery advice is shown with the delivery figures, not repeated among what to add next
    assertThat(attempt.feedback()).noneMatch(f -> f.startsWith("Fillers:"));
    assertThat(attempt.words()).extracting(w -> w.confidence()).containsExactly(0.93);
  }

  @Test
  void misheardTermsInASpokenAnswerAreMatchedBySoundWithTheirSpan() {
    UUID attemptId = UUID.randomUUID();
    String text = "we send a canary to five percent and watch the late and see then roll back";
    send(transcript(attemptId, "c-sound", question().questionId(), text));

    await().atMost(Duration.ofSeconds(30)).until(() -> attempts.findById(attemptId).isPresent());
    var monitoring =
        attempts.findById(attemptId).orElseThrow().conceptsHit().stream()
            .filter(h -> h.concept().equals("monitoring"))
            .findFirst()
            .orElseThrow();
    assertThat(monitoring.how())
        .isEqualTo(dev.rehearse.assessment.scoring.ScoreResult.MatchKind.SOUND_ALIKE);
    assertThat(monitoring.matched()).isEqualTo("late and see");
    assertThat(text.substring(monitoring.start(), monitoring.end())).isEqualTo("late and see");
  }

  @Test
  void redeliveredTranscriptChangesNothing() {
    UUID attemptId = UUID.randomUUID();
    TranscriptReady event =
        transcript(attemptId, "c-redelivered", question().questionId(), "canary and latency");
    send(event);
    send(event);
    send(event);

    try (KafkaProbe scored = new KafkaProbe(Topics.ASSESSMENT_SCORED)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !scored.records(r -> r.value().contains(attemptId.toString())).isEmpty());
      // a fourth delivery after the first was fully processed: still one attempt, one scored event
      send(event);
      UUID marker = UUID.randomUUID();
      send(transcript(marker, "c-redelivered", question().questionId(), "canary"));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !scored.records(r -> r.value().contains(marker.toString())).isEmpty());
      assertThat(scored.records(r -> r.value().contains(attemptId.toString()))).hasSize(1);
    }
    assertThat(attempts.findById(attemptId)).isPresent();
  }

  @Test
  void aSecondTranscriptOfAnAttemptAlreadyScoredIsDroppedNotScoredOrDeadLettered() {
    UUID attemptId = UUID.randomUUID();
    String q = question().questionId();
    // two events (two event ids) for one attempt: its transcription finished on two instances
    send(transcript(attemptId, "c-twice", q, "a canary with five percent of traffic"));
    send(transcript(attemptId, "c-twice", q, "roll back to the previous version"));
    UUID marker = UUID.randomUUID();
    // on the same key, so handled after the second event, retries and dead letter included
    KafkaProbe.send(
        Topics.SPEECH_TRANSCRIPTS,
        attemptId.toString(),
        toJson(transcript(marker, "c-twice", q, "canary")));

    try (KafkaProbe scored = new KafkaProbe(Topics.ASSESSMENT_SCORED);
        KafkaProbe letters = new KafkaProbe(Topics.deadLetter(Topics.SPEECH_TRANSCRIPTS))) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !scored.records(r -> r.value().contains(marker.toString())).isEmpty());
      assertThat(scored.records(r -> r.value().contains(attemptId.toString()))).hasSize(1);
      assertThat(letters.records(r -> attemptId.toString().equals(r.key()))).isEmpty();
    }
    assertThat(attempts.findById(attemptId).orElseThrow().answerText())
        .isEqualTo("a canary with five percent of traffic");
  }

  @Test
  void poisonRecordsGoToTheDeadLetterTopicAndLaterRecordsAreStillProcessed() {
    String dlq = Topics.deadLetter(Topics.SPEECH_TRANSCRIPTS);
    String unreadableKey = "poison-" + UUID.randomUUID();
    String invalidKey = "invalid-" + UUID.randomUUID();
    UUID unknownQuestionAttempt = UUID.randomUUID();
    UUID goodAttempt = UUID.randomUUID();

    KafkaProbe.send(Topics.SPEECH_TRANSCRIPTS, unreadableKey, "{not json at all");
    KafkaProbe.send(
        Topics.SPEECH_TRANSCRIPTS,
        invalidKey,
        "{\"eventId\":\"" + UUID.randomUUID() + "\",\"schemaVersion\":1}");
    send(transcript(unknownQuestionAttempt, "c-poison", "no-such-question", "canary"));
    send(transcript(goodAttempt, "c-poison", question().questionId(), "canary"));

    await().atMost(Duration.ofSeconds(30)).until(() -> attempts.findById(goodAttempt).isPresent());
    try (KafkaProbe letters = new KafkaProbe(dlq)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(reason(letters, unreadableKey)).startsWith("unreadable TranscriptReady");
                assertThat(reason(letters, invalidKey))
                    .startsWith("invalid TranscriptReady")
                    .contains("attemptId");
                assertThat(reason(letters, unknownQuestionAttempt.toString()))
                    .isEqualTo("unknown question no-such-question");
              });
    }
    assertThat(attempts.findById(unknownQuestionAttempt)).isEmpty();
  }

  private static String reason(KafkaProbe letters, String key) {
    return letters.records(r -> key.equals(r.key())).stream()
        .findFirst()
        .map(TranscriptConsumerTest::reasonHeader)
        .orElse("");
  }

  private static String reasonHeader(ConsumerRecord<String, String> r) {
    return new String(
        r.headers().lastHeader(Topics.DLQ_REASON_HEADER).value(), StandardCharsets.UTF_8);
  }

  private void send(TranscriptReady t) {
    KafkaProbe.send(Topics.SPEECH_TRANSCRIPTS, t.attemptId().toString(), toJson(t));
  }
}
