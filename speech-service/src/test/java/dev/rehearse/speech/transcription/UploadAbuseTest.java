package dev.rehearse.speech.transcription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rehearse.speech.SpeechTestBase;
import dev.rehearse.speech.Wavs;
import dev.rehearse.speech.catalog.CatalogRepository;
import dev.rehearse.speech.transcription.SpokenAttempt.Status;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What one account can make the service do: long or broken uploads are refused from their header
 * with nothing queued, a candidate has at most 3 unfinished answers, and jobs are taken round-robin
 * across candidates. The worker is off, so the queue stays as the test leaves it and jobs are
 * claimed here, in order.
 */
@MicronautTest(transactional = false)
@Property(name = "rehearse.speech.worker.enabled", value = "false")
class UploadAbuseTest extends SpeechTestBase {
  private static final String URI = "/api/spoken-attempts?questionId=" + SERVING_QUESTION;
  @Inject CatalogRepository catalog;
  @Inject SpokenAttemptRepository attempts;
  @Inject TranscriptionJobs jobs;
  private final byte[] answer = audio("formats/mono-16k.wav");

  @BeforeAll
  void publishQuestion() {
    publish(servingQuestion());
    await().atMost(Duration.ofSeconds(30)).until(() -> catalog.existsById(SERVING_QUESTION));
  }

  /** Jobs left by earlier test classes would be claimed first; these tests need the queue empty. */
  @BeforeEach
  @AfterEach
  void emptyTheQueue() {
    attempts.deleteAll(
        StreamSupport.stream(attempts.findAll().spliterator(), false)
            .filter(a -> a.status() == Status.QUEUED || a.status() == Status.TRANSCRIBING)
            .toList());
  }

  @Test
  void aHeaderClaimingTwoHoursIsRefusedForItsDurationAndNothingIsQueued() {
    byte[] garbage = new byte[2000];
    new Random(12).nextBytes(garbage);
    byte[] hours = Wavs.declaringDataSize(Wavs.wav16(garbage, 8_000, 1), 2 * 3600 * 8_000 * 2);

    assertThat(assertProblem(wavPost(URI, "c-hours", hours), 413, "duration"))
        .contains("declares 7200 s", "2 minutes");
    assertThat(attempts.countUnfinished("c-hours")).isZero();
  }

  @Test
  void truncatedAndGarbageHeadersAreBadRequestsNamingTheField() {
    assertProblem(wavPost(URI, "c-broken", Arrays.copyOf(answer, 30)), 400, "format");
    byte[] garbageAfterRiff = Arrays.copyOf("RIFF\0\0\0\0WAVE".getBytes(), 400);
    Arrays.fill(garbageAfterRiff, 12, 400, (byte) 0x5A);
    assertProblem(wavPost(URI, "c-broken", garbageAfterRiff), 400, "format");
    byte[] noRate = answer.clone();
    ByteBuffer.wrap(noRate).order(ByteOrder.LITTLE_ENDIAN).putInt(24, 0);
    assertThat(assertProblem(wavPost(URI, "c-broken", noRate), 400, "sampleRate")).contains("0 Hz");
    assertProblem(
        wavPost(URI, "c-broken", Wavs.declaringDataSize(answer, answer.length)), 400, "dataSize");
    assertThat(attempts.countUnfinished("c-broken")).isZero();
  }

  @Test
  void aFourthWaitingAnswerIsRefusedWhileAnotherCandidateCanStillQueue() {
    for (int i = 0; i < 3; i++) {
      assertThat(post("c-busy")).isEqualTo(202);
    }
    try {
      http.toBlocking().exchange(wavPost(URI, "c-busy", answer), String.class);
      throw new AssertionError("the fourth waiting answer was accepted");
    } catch (HttpClientResponseException e) {
      assertThat(e.getStatus().getCode()).isEqualTo(429);
      assertThat(e.getResponse().getHeaders().get("Retry-After")).isEqualTo("30");
      assertThat(e.getResponse().getBody(String.class).orElseThrow())
          .contains("\"status\":429", "3 spoken answers waiting");
    }
    assertThat(attempts.countUnfinished("c-busy")).isEqualTo(3);
    assertThat(post("c-patient")).isEqualTo(202);

    SpokenAttempt taken = jobs.claim().orElseThrow().attempt();
    assertThat(taken.candidateId()).isEqualTo("c-busy");
    assertThat(post("c-busy")).as("a running job still counts").isEqualTo(429);
    jobs.fail(taken, "given up in this test", false);
    assertThat(post("c-busy")).as("room again once a job is finished").isEqualTo(202);
  }

  @Test
  void simultaneousUploadsCannotGetPastTheCap() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(pool.submit((Callable<Integer>) () -> post("c-burst")));
      }
      List<Integer> codes = new ArrayList<>();
      for (Future<Integer> f : answers) {
        codes.add(f.get());
      }
      assertThat(codes).filteredOn(c -> c == 202).hasSize(3);
      assertThat(codes).filteredOn(c -> c == 429).hasSize(5);
      assertThat(attempts.countUnfinished("c-burst")).isEqualTo(3);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void workersTakeJobsRoundRobinAcrossCandidates() {
    String a = "c-many-" + UUID.randomUUID();
    String b = "c-few-" + UUID.randomUUID();
    for (String candidate : List.of(a, a, a, b, b)) {
      assertThat(post(candidate)).isEqualTo(202);
    }
    List<String> order = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      order.add(jobs.claim().orElseThrow().attempt().candidateId());
    }
    assertThat(order).containsExactly(a, b, a, b, a);
    assertThat(jobs.claim()).isEmpty();
  }

  private int post(String candidate) {
    return status(wavPost(URI, candidate, answer));
  }
}
