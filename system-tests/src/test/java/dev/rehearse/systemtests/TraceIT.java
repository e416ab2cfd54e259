package dev.rehearse.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * One spoken answer followed by its trace id: the browser's {@code traceparent} on the upload goes
 * through the gateway to speech-service, waits with the job for the transcription worker, crosses
 * Kafka in the transcript's record header to assessment-service, and in the score's to
 * question-service and to the gateway, which pushes the live event; every service logs its step
 * under that one trace id.
 */
@Order(3)
class TraceIT {
  private static final String QUESTION = "open-serving-rollout";

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void oneSpokenAnswerIsFollowedByOneTraceIdThroughTheLogsOfAllFourServices() throws IOException {
    RunningSuite suite = RunningSuite.get();
    assertThat(suite.home()).as("the logs of a suite this test started").isNotNull();
    Gateway.Account candidate = new Gateway(suite.gateway(), Gateway.Identity.ANONYMOUS).signUp();
    byte[] wav =
        Files.readAllBytes(
            Suite.root()
                .resolve("speech-service/src/test/resources/audio/answers/serving-rollout.wav"));
    String traceId = HexFormat.of().formatHex(randomBytes(16));
    String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";

    try (EventStream events = candidate.gateway().events()) {
      HttpResponse<String> accepted =
          Gateway.awaitStatus(() -> upload(candidate, wav, traceparent), 202);
      String attemptId = Json.read(accepted.body()).path("id").asText();
      // scored: the live event carries the score
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> events.events().stream().anyMatch(e -> e.contains(attemptId)));
      assertThat(events.events())
          .filteredOn(e -> e.contains(attemptId))
          .singleElement()
          .satisfies(e -> assertThat(Json.read(e).path("score").isInt()).isTrue());

      // each step's own line, under the upload's trace id; logs are written as they happen, but
      // the last service may still be finishing its line when the event arrives
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(200))
          .untilAsserted(
              () -> {
                assertThat(linesOf(suite, "speech-service", traceId))
                    .anyMatch(l -> l.contains("Queued spoken attempt " + attemptId))
                    .anyMatch(l -> l.contains("Transcribed spoken attempt " + attemptId));
                assertThat(linesOf(suite, "assessment-service", traceId))
                    .anyMatch(l -> l.contains("Scored SPOKEN attempt " + attemptId));
                assertThat(linesOf(suite, "question-service", traceId))
                    .anyMatch(l -> l.contains("updated: " + attemptId));
                assertThat(linesOf(suite, "gateway", traceId))
                    .anyMatch(l -> l.contains("Stored live event"))
                    .anyMatch(l -> l.contains("Sent live event"));
              });
    }
  }

  private HttpResponse<String> upload(Gateway.Account candidate, byte[] wav, String traceparent) {
    try {
      return http.send(
          candidate
              .gateway()
              .builder("/api/spoken-attempts?questionId=" + QUESTION)
              .header("Content-Type", "audio/wav")
              .header("traceparent", traceparent)
              .POST(BodyPublishers.ofByteArray(wav))
              .build(),
          BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The lines naming the trace id in the logs of every instance of a part (the suite is scaled).
   */
  private static List<String> linesOf(RunningSuite suite, String part, String traceId)
      throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> logs = Files.list(suite.home().resolve("logs"))) {
      for (Path log :
          logs.filter(
                  f -> f.getFileName().toString().matches(Pattern.quote(part) + "(-\\d+)?\\.log"))
              .toList()) {
        // read whole, leniently: the service may be halfway through writing a line
        new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
            .lines()
            .filter(l -> l.contains(traceId))
            .forEach(lines::add);
      }
    }
    return lines;
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }
}
