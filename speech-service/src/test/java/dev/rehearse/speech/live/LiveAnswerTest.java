package dev.rehearse.speech.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.rehearse.contracts.Topics;
import dev.rehearse.contracts.TranscriptReady;
import dev.rehearse.speech.SpeechTestBase;
import dev.rehearse.speech.Wavs;
import dev.rehearse.speech.catalog.CatalogRepository;
import dev.rehearse.speech.transcription.SpokenAttempt;
import dev.rehearse.speech.transcription.SpokenAttemptData;
import dev.rehearse.speech.transcription.SpokenAttemptRepository;
import dev.rehearse.speech.transcription.SpokenAudioRepository;
import dev.rehearse.testsupport.GatewayTokens;
import dev.rehearse.testsupport.KafkaProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live answers against the real Vosk model, PostgreSQL and Kafka: committed recordings streamed in
 * 100 ms frames. Audio may run 15 s ahead of the clock here, so a 12 s recording goes at once, and
 * a dropped answer is submitted after 3 s.
 */
@MicronautTest(transactional = false)
class LiveAnswerTest extends SpeechTestBase {
  private static final int FRAME = 3_200; // 100 ms

  @Inject EmbeddedServer server;
  @Inject CatalogRepository catalog;
  @Inject SpokenAttemptRepository attempts;
  @Inject SpokenAudioRepository audio;
  @Inject SpokenAttemptData spokenAttemptData;
  @Inject TransactionOperations<Connection> tx;
  @Inject MeterRegistry meters;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.put("rehearse.speech.live.burst-ahead", "15s");
    properties.put("rehearse.speech.live.resume-within", "3s");
    properties.put("rehearse.speech.live.max-open", "4");
    return properties;
  }

  @BeforeAll
  void publishQuestion() {
    publish(servingQuestion());
    await().atMost(Duration.ofSeconds(30)).until(() -> catalog.existsById(SERVING_QUESTION));
  }

  @Test
  void wordsArriveWhileSpeakingAndStopSubmitsTheTranscriptLikeAnUpload() {
    UUID session = UUID.randomUUID();
    byte[] pcm = pcm("answers/serving-rollout.wav");
    try (LiveSocket live = open("live-main", "&sessionId=" + session);
        KafkaProbe transcripts = new KafkaProbe(Topics.SPEECH_TRANSCRIPTS)) {
      Map<String, Object> ready = awaitMessage(live, "ready");
      assertThat(ready.get("resumed")).isEqualTo(false);
      assertThat(ready.get("maxSeconds")).isEqualTo(180);

      live.send(pcm, FRAME);
      // the whole clip heard before stop: partials and committed segments came as it went
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> seconds(live.messages("partial")) >= pcm.length / 32_000.0 - 0.01);
      List<String> partials = live.messages("partial").stream().map(m -> text(m)).toList();
      assertThat(partials).hasSizeGreaterThan(5);
      assertThat(partials.get(partials.size() - 1)).contains("five percent", "roll back");

      live.text("{\"type\":\"stop\"}");
      Map<String, Object> fin = awaitMessage(live, "final");
      assertThat(live.ended().join()).isEqualTo(new LiveSocket.Ended(1000, "answer submitted"));
      UUID attemptId = UUID.fromString((String) fin.get("attemptId"));
      assertThat(attemptId.toString()).isEqualTo(ready.get("liveId"));
      assertThat(fin.get("reason")).isEqualTo("stopped");
      assertThat(markedWords(live)).as("the last words committed at stop").hasSizeGreaterThan(25);
      assertThat(text(fin)).contains("five percent", "latency", "roll back", "previous version");

      SpokenAttempt stored = attempts.findById(attemptId).orElseThrow();
      assertThat(stored.status()).isEqualTo(SpokenAttempt.Status.TRANSCRIBED);
      assertThat(stored.transcript()).isEqualTo(text(fin));
      assertThat(stored.durationSeconds()).isBetween(11.0, 12.5);
      assertThat(stored.fluency().wordsPerMinute()).isBetween(120.0, 200.0);
      assertThat(stored.sessionId()).isEqualTo(session);
      assertThat(audio.existsById(attemptId)).as("no audio kept by default").isFalse();

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !transcripts.records(r -> attemptId.toString().equals(r.key())).isEmpty());
      TranscriptReady event =
          fromJson(
              transcripts.records(r -> attemptId.toString().equals(r.key())).get(0).value(),
              TranscriptReady.class);
      assertThat(event.candidateId()).isEqualTo("live-main");
      assertThat(event.questionId()).isEqualTo(SERVING_QUESTION);
      assertThat(event.text()).isEqualTo(stored.transcript());
      assertThat(event.words()).hasSameSizeAs(stored.words()).hasSizeGreaterThan(25);
      assertThat(event.words().get(0).start()).isBetween(0.2, 0.6);
      assertThat(event.sessionId()).isEqualTo(session);
      assertThat(fromJson(get("/api/spoken-attempts/" + attemptId, "live-main"), Map.class))
          .containsEntry("status", "TRANSCRIBED");
    }
  }

  @Test
  void fillersAndLongPausesAreMarkedAsTheyHappen() {
    try (LiveSocket hesitant = open("live-fillers", "")) {
      awaitMessage(hesitant, "ready");
      hesitant.send(pcm("answers/checkpointing.wav"), FRAME);
      hesitant.text("{\"type\":\"stop\"}");
      awaitMessage(hesitant, "final");
      assertThat(markedWords(hesitant)).anyMatch(w -> Boolean.TRUE.equals(w.get("filler")));
    }
    try (LiveSocket paused = open("live-pauses", "")) {
      awaitMessage(paused, "ready");
      paused.send(pcm("answers/drift.wav"), FRAME);
      paused.text("{\"type\":\"stop\"}");
      awaitMessage(paused, "final");
      List<Map<String, Object>> words = markedWords(paused);
      assertThat(words.stream().filter(w -> number(w, "pauseBefore") > 1.0).count()).isEqualTo(1);
      assertThat(words).noneMatch(w -> Boolean.TRUE.equals(w.get("filler")));
    }
  }

  @Test
  void framesThatAreNotPcmOfTheAgreedFormatCloseTheSocketAndKeepNothing() {
    byte[] wav = audio("answers/cost.wav");
    Map<byte[], String> bad =
        Map.of(
            new byte[FRAME + 1],
            "odd number of bytes",
            Arrays.copyOf(wav, FRAME),
            "WAV stream",
            new byte[40_000],
            "at most one second",
            "{\"type\":\"pause\"}".getBytes(StandardCharsets.UTF_8),
            "unknown message");
    bad.forEach(
        (frame, why) -> {
          try (LiveSocket live = open("live-bad", "")) {
            awaitMessage(live, "ready");
            live.send(Arrays.copyOfRange(wav, 44, 44 + 10 * FRAME), FRAME); // a good second first
            live.frame(frame);
            LiveSocket.Ended ended = live.ended().join();
            assertThat(ended.code()).as(why).isEqualTo(1003);
            assertThat(ended.reason()).contains(why, "nothing was submitted");
          }
        });
    // audio faster than anyone speaks: 20 s at once, 15 s allowed ahead of the clock
    try (LiveSocket live = open("live-bad", "")) {
      awaitMessage(live, "ready");
      live.send(pcm("answers/serving-rollout.wav"), FRAME);
      live.send(pcm("answers/drift.wav"), FRAME);
      LiveSocket.Ended ended = live.ended().join();
      assertThat(ended.code()).isEqualTo(1008);
      assertThat(ended.reason()).contains("faster than it is spoken");
    }
    assertThat(storedAnswersOf("live-bad")).isZero();
  }

  @Test
  void theAnswerEndsAtItsTimeLimitWithWhatWasSaid() {
    try (LiveSocket live = open("live-limit", "&maxSeconds=4")) {
      assertThat(awaitMessage(live, "ready").get("maxSeconds")).isEqualTo(4);
      live.send(pcm("answers/serving-rollout.wav"), FRAME);
      Map<String, Object> fin = awaitMessage(live, "final");
      assertThat(fin.get("reason")).isEqualTo("time-limit");
      assertThat(number(fin, "seconds")).isEqualTo(4.0);
      assertThat(text(fin)).contains("five percent").doesNotContain("previous version");
      assertThat(live.ended().join().code()).isEqualTo(1000);
    }
  }

  @Test
  void oneLiveAnswerPerCandidateAtATime() {
    try (LiveSocket first = open("live-one", "")) {
      UUID liveId = UUID.fromString((String) awaitMessage(first, "ready").get("liveId"));
      try (LiveSocket otherQuestion =
          LiveSocket.open(
              uri("coach-another-question", ""),
              GatewayTokens.token("live-one", "CANDIDATE"),
              json)) {
        LiveSocket.Ended refused = otherQuestion.ended().join();
        assertThat(refused.code()).isEqualTo(1008);
        assertThat(refused.reason()).contains("already answering another question live");
      }
      assertThat(first.ended()).as("the first answer goes on").isNotDone();

      // the same question from a newer socket (a reload, or a drop the server has not seen yet)
      // carries the answer on, and the older socket is closed
      try (LiveSocket newer = open("live-one", "")) {
        Map<String, Object> ready = awaitMessage(newer, "ready");
        assertThat(ready.get("resumed")).isEqualTo(true);
        assertThat(ready.get("liveId")).isEqualTo(liveId.toString());
        LiveSocket.Ended older = first.ended().join();
        assertThat(older.code()).isEqualTo(1008);
        assertThat(older.reason()).contains("newer window");

        try (LiveSocket someoneElse = open("live-other", "")) {
          assertThat(awaitMessage(someoneElse, "ready").get("resumed")).isEqualTo(false);
          someoneElse.text("{\"type\":\"discard\"}");
          assertThat(someoneElse.ended().join())
              .isEqualTo(new LiveSocket.Ended(1000, "discarded: nothing was submitted"));
        }
        // stopping before any speech submits nothing
        newer.send(new byte[FRAME * 5], FRAME);
        newer.text("{\"type\":\"stop\"}");
        LiveSocket.Ended silent = newer.ended().join();
        assertThat(silent.code()).isEqualTo(4422);
        assertThat(silent.reason()).contains("no words could be made out");
      }
    }
    assertThat(storedAnswersOf("live-one")).isZero();
    assertThat(storedAnswersOf("live-other")).isZero();
  }

  @Test
  void beyondMaxOpenTheNextCandidateIsToldToTryLaterAndASlotFreedIsUsedAgain() {
    List<LiveSocket> open = new ArrayList<>();
    try {
      LiveSocket.Ended refused = null;
      // a dropped answer of another test may still hold a slot: open until one is refused
      for (int i = 0; i < 5 && refused == null; i++) {
        LiveSocket live = open("live-full-" + i, "");
        awaitReadyOrEnd(live);
        if (live.ended().isDone()) {
          refused = live.ended().join();
        } else {
          open.add(live);
        }
      }
      assertThat(refused).as("the fifth answer at the latest is refused").isNotNull();
      assertThat(refused.code()).isEqualTo(1013);
      assertThat(refused.reason()).contains("try again", "upload");
      assertThat(open).isNotEmpty().hasSizeLessThanOrEqualTo(4);
      assertThat(openGauge()).as("every slot held").isEqualTo(4);

      open.remove(0).text("{\"type\":\"discard\"}");
      await().atMost(Duration.ofSeconds(10)).until(() -> openGauge() < 4);
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                LiveSocket again = open("live-full-again", "");
                awaitReadyOrEnd(again);
                assertThat(again.ended()).as("a freed slot takes a new answer").isNotDone();
                open.add(again);
              });
    } finally {
      for (LiveSocket live : open) { // discarded, not dropped: no slot held for the next test
        live.text("{\"type\":\"discard\"}");
        live.ended().join();
      }
    }
  }

  private double openGauge() {
    return meters.get("rehearse.live.answers.open").gauge().value();
  }

  @Test
  void aDroppedSocketKeepsWhatWasHeardAndTheCandidateContinues() {
    byte[] pcm = pcm("answers/serving-rollout.wav");
    int half = (pcm.length / 2) / FRAME * FRAME;
    String heardBefore;
    try (LiveSocket first = open("live-drop", "")) {
      awaitMessage(first, "ready");
      first.send(Arrays.copyOf(pcm, half), FRAME);
      await().atMost(Duration.ofSeconds(30)).until(() -> seconds(first.messages("partial")) >= 5);
      heardBefore = text(first.messages("partial").get(first.messages("partial").size() - 1));
      first.drop();
    }
    assertThat(heardBefore).contains("five percent").doesNotContain("previous version");
    Map<String, Object> resumed;
    try (LiveSocket second = open("live-drop", "")) {
      resumed = awaitMessage(second, "ready");
      assertThat(resumed.get("resumed")).isEqualTo(true);
      assertThat(number(resumed, "seconds")).isEqualTo(half / 32_000.0);
      second.send(Arrays.copyOfRange(pcm, half, pcm.length), FRAME);
      second.text("{\"type\":\"stop\"}");
      Map<String, Object> fin = awaitMessage(second, "final");
      assertThat(fin.get("attemptId")).isEqualTo(resumed.get("liveId"));
      assertThat(text(fin)).contains("five percent", "previous version");
      assertThat(number(fin, "seconds")).isEqualTo(Math.round(pcm.length / 32.0) / 1000.0);
    }
  }

  @Test
  void aDroppedAnswerNotResumedIsSubmittedAsItIs() {
    UUID id;
    try (LiveSocket live = open("live-gone", "")) {
      id = UUID.fromString((String) awaitMessage(live, "ready").get("liveId"));
      byte[] pcm = pcm("answers/cost.wav");
      live.send(pcm, FRAME);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> seconds(live.messages("partial")) >= pcm.length / 32_000.0 - 0.01);
      live.drop();
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> attempts.existsById(id));
    assertThat(attempts.findById(id).orElseThrow().transcript())
        .contains("thirty percent", "instances");
  }

  @Test
  void anUnknownQuestionOrAMissingTokenIsRefused() {
    try (LiveSocket live =
        LiveSocket.open(
            uri("no-such-question", ""), GatewayTokens.token("live-x", "CANDIDATE"), json)) {
      LiveSocket.Ended ended = live.ended().join();
      assertThat(ended.code()).isEqualTo(4404);
      assertThat(ended.reason()).contains("no-such-question");
    }
    CompletionException refused =
        catchThrowableOfType(
            () ->
                HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .buildAsync(uri(SERVING_QUESTION, ""), new WebSocket.Listener() {})
                    .join(),
            CompletionException.class);
    assertThat(refused.getCause()).isInstanceOf(WebSocketHandshakeException.class);
    HttpResponse<?> anonymous = ((WebSocketHandshakeException) refused.getCause()).getResponse();
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  private LiveSocket open(String candidate, String query) {
    return LiveSocket.open(
        uri(SERVING_QUESTION, query), GatewayTokens.token(candidate, "CANDIDATE"), json);
  }

  /** The candidate's spoken answers, as their data export lists them. */
  private int storedAnswersOf(String candidate) {
    return tx.executeRead(s -> ((List<?>) spokenAttemptData.export(candidate)).size());
  }

  private URI uri(String questionId, String query) {
    return URI.create(
        "ws://localhost:"
            + server.getPort()
            + "/api/live-answers?questionId="
            + questionId
            + query);
  }

  private String get(String path, String candidate) {
    return http.toBlocking().retrieve(as(HttpRequest.GET(path), candidate, "CANDIDATE"));
  }

  private static void awaitReadyOrEnd(LiveSocket live) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !live.messages("ready").isEmpty() || live.ended().isDone());
  }

  private static Map<String, Object> awaitMessage(LiveSocket live, String type) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !live.messages(type).isEmpty() || live.ended().isDone());
    assertThat(live.messages(type)).as(type + " before " + live.ended().getNow(null)).isNotEmpty();
    return live.messages(type).get(0);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> markedWords(LiveSocket live) {
    return live.messages("segment").stream()
        .flatMap(m -> ((List<Map<String, Object>>) m.get("words")).stream())
        .toList();
  }

  private static double seconds(List<Map<String, Object>> partials) {
    return partials.isEmpty() ? 0 : number(partials.get(partials.size() - 1), "seconds");
  }

  private static double number(Map<String, Object> message, String key) {
    return ((Number) message.get(key)).doubleValue();
  }

  private static String text(Map<String, Object> message) {
    return (String) message.get("text");
  }

  private static byte[] pcm(String path) {
    return Wavs.pcm(audio(path));
  }
}
