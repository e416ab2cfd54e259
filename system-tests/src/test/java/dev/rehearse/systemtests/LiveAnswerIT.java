package dev.rehearse.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Live spoken answers as the web app gives them: a committed recording streamed over a WebSocket
 * through the gateway to the suite's speech-service (real Vosk), then scored like an upload; and
 * the gateway relaying speech-service's refusals (close codes and reasons) and refusing sockets
 * without a token. One candidate throughout, one live answer at a time, each ended before the next.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
@Order(3) // on the shared suite, before RunningSuiteIT stops it
class LiveAnswerIT {
  private static final String QUESTION = "open-serving-rollout";
  private static final String LIVE = "/api/live-answers?questionId=" + QUESTION;
  private static final String OTHER_QUESTION =
      "/api/live-answers?questionId=open-behav-engineer-incident";

  /** 100 ms of 16 kHz 16-bit mono PCM: a frame as the web app sends them. */
  private static final int FRAME = 3200;

  private static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final int WAV_HEADER = 44;

  private Gateway anonymous;
  private Gateway.Account candidate;
  private byte[] pcm;

  @BeforeAll
  void signUp() throws IOException {
    anonymous = new Gateway(RunningSuite.get().gateway(), Gateway.Identity.ANONYMOUS);
    candidate = anonymous.signUp();
    byte[] wav =
        Files.readAllBytes(
            Suite.root()
                .resolve("speech-service/src/test/resources/audio/answers/serving-rollout.wav"));
    pcm = Arrays.copyOfRange(wav, WAV_HEADER, wav.length);
  }

  @Test
  @Order(1)
  void wordsAppearWhileTheCandidateSpeaksAndTheAnswerIsScoredOnceStopped() {
    try (EventStream events = candidate.gateway().events();
        LiveSocket live = openReady(LIVE + "&access_token=" + candidate.token(), null)) {
      JsonNode ready = live.messages("ready").get(0);
      assertThat(ready.path("liveId").asText()).isNotBlank();
      assertThat(ready.path("resumed").asBoolean()).isFalse();
      assertThat(ready.path("maxSeconds").asInt()).isPositive();

      // twice real time: speech-service lets audio run at most 10 s ahead of the clock
      long start = System.nanoTime();
      for (int offset = 0, i = 0; offset < pcm.length; offset += FRAME, i++) {
        LockSupport.parkNanos(start + i * FRAME_NANOS / 2 - System.nanoTime());
        live.send(pcm, offset, Math.min(FRAME, pcm.length - offset));
      }
      int partialsWhileSpeaking = live.messages("partial").size();
      live.sendText("{\"type\":\"stop\"}");

      await().atMost(Duration.ofSeconds(30)).until(() -> live.closed().isPresent());
      assertThat(live.closed().orElseThrow().code()).isEqualTo(1000);
      List<JsonNode> partials = live.messages("partial");
      List<String> heard =
          partials.stream().map(p -> p.path("text").asText()).filter(t -> !t.isBlank()).toList();
      System.out.printf(
          "live answer: %d partials (%d before stop), %d distinct running transcripts%n",
          partials.size(), partialsWhileSpeaking, heard.stream().distinct().count());
      assertThat(partials.subList(0, partialsWhileSpeaking))
          .as("words on screen while the candidate speaks")
          .anyMatch(p -> !p.path("text").asText().isBlank());
      assertThat(heard.get(heard.size() - 1).length())
          .as("the running transcript grows: " + heard)
          .isGreaterThan(heard.get(0).length());
      assertThat(partials.stream().map(p -> p.path("seconds").asDouble()).toList())
          .as("partials in the order of the audio")
          .isSorted();
      assertThat(live.messages("segment"))
          .isNotEmpty()
          .allSatisfy(segment -> assertThat(segment.path("words").size()).isPositive());

      JsonNode done = live.messages("final").get(0);
      String attemptId = done.path("attemptId").asText();
      assertThat(attemptId).isNotBlank();
      assertThat(done.path("reason").asText()).isEqualTo("stopped");
      assertThat(done.path("text").asText()).contains("five percent", "latency");
      assertThat(done.path("seconds").asDouble()).isBetween(11.0, 12.5);

      JsonNode attempt =
          Json.read(
              Gateway.awaitStatus(() -> candidate.gateway().get("/api/attempts/" + attemptId), 200)
                  .body());
      assertThat(attempt.path("questionId").asText()).isEqualTo(QUESTION);
      assertThat(attempt.path("mode").asText()).isEqualTo("SPOKEN");
      assertThat(attempt.path("score").asInt()).isPositive();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .untilAsserted(() -> assertThat(events.events()).anyMatch(e -> e.contains(attemptId)));
    }
  }

  @Test
  @Order(2)
  void aSecondLiveAnswerOfTheSameCandidateIsRefusedAndTheSameQuestionCarriesOn() {
    try (LiveSocket first = openReady(LIVE, candidate.token());
        LiveSocket second = LiveSocket.open(live(OTHER_QUESTION), candidate.token())) {
      await().atMost(Duration.ofSeconds(30)).until(() -> second.closed().isPresent());
      LiveSocket.Closed refused = second.closed().orElseThrow();
      assertThat(refused.code()).isEqualTo(1008);
      assertThat(refused.reason()).contains("another question");
      assertThat(first.closed()).as("the first live answer goes on").isEmpty();

      // a newer socket for the same question (a reload, a lost connection) carries the answer on
      try (LiveSocket newer = openReady(LIVE, candidate.token())) {
        assertThat(newer.messages("ready").get(0).path("resumed").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> first.closed().isPresent());
        assertThat(first.closed().orElseThrow().code()).isEqualTo(1008);
        newer.sendText("{\"type\":\"discard\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> newer.closed().isPresent());
        assertThat(newer.closed().orElseThrow().code()).isEqualTo(1000);
      }
    }
  }

  @Test
  @Order(3)
  void aFrameOfOddLengthClosesTheSocketWith1003AndSaysWhy() {
    try (LiveSocket live = openReady(LIVE, candidate.token())) {
      live.send(pcm, 0, FRAME + 1);
      await().atMost(Duration.ofSeconds(30)).until(() -> live.closed().isPresent());
      LiveSocket.Closed closed = live.closed().orElseThrow();
      assertThat(closed.code()).isEqualTo(1003);
      assertThat(closed.reason()).isNotBlank();
    }
  }

  @Test
  @Order(4)
  void aSocketWithoutAValidTokenIsRefusedAtTheHandshake() {
    assertThat(LiveSocket.refusal(live(LIVE), null)).isEqualTo(401);
    assertThat(LiveSocket.refusal(live(LIVE + "&access_token=" + candidate.token() + "x"), null))
        .isEqualTo(401);
  }

  /**
   * A live answer past its {@code ready} message. The question reaches speech-service over Kafka
   * after start-up: until then the socket closes with 4404 and another is tried, slowly, as each
   * takes one of the candidate's audio answers for the minute. Any other close fails at once.
   */
  private LiveSocket openReady(String path, String bearer) {
    AtomicReference<LiveSocket> opened = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(4))
        .untilAsserted(
            () -> {
              LiveSocket live = LiveSocket.open(live(path), bearer);
              await()
                  .atMost(Duration.ofSeconds(30))
                  .until(() -> !live.messages("ready").isEmpty() || live.closed().isPresent());
              LiveSocket.Closed closed = live.closed().orElse(null);
              if (closed != null && closed.code() != 4404) {
                throw new IllegalStateException("the live answer was refused: " + closed);
              }
              assertThat(closed).as("the question is not at speech-service yet").isNull();
              opened.set(live);
            });
    return opened.get();
  }

  private URI live(String path) {
    return anonymous.webSocket(path);
  }
}
