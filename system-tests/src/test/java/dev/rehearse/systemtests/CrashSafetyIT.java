package dev.rehearse.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearse.systemtests.Gateway.Account;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Crash safety on a suite of its own that runs two instances of speech, assessment and the gateway
 * ({@link RunningSuite#SCALE}): each test kills one instance with SIGKILL in the middle of its
 * work, then checks that the other instance finishes that work, exactly once, and prints how long
 * the failover took. After RunningSuiteIT has stopped the shared suite; it stops its own at the
 * end.
 */
@Order(Order.DEFAULT + 1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class CrashSafetyIT {
  private static final String QUESTION = "open-serving-rollout";
  private static final Path ANSWERS =
      Suite.root().resolve("speech-service/src/test/resources/audio/answers");

  private RunningSuite suite;
  private Gateway first;
  private Gateway second;

  @BeforeAll
  void theScaledSuite() {
    assertThat(System.getProperty("rehearse.gateway.url"))
        .as("kills processes: only a suite the test starts itself")
        .isNullOrEmpty();
    suite = RunningSuite.startScaled();
    int port = suite.ports().get("GATEWAY");
    first = new Gateway(URI.create("http://localhost:" + port), Gateway.Identity.ANONYMOUS);
    second = new Gateway(URI.create("http://localhost:" + (port + 10)), Gateway.Identity.ANONYMOUS);
  }

  @Test
  @Order(1)
  void aSpeechInstanceKilledMidTranscriptionHasItsJobTakenOverAndScoredOnce() throws Exception {
    Account candidate = second.signUp();
    try (EventStream events = candidate.gateway().events()) {
      String id = candidate.gateway().submitSpokenAttempt(QUESTION, longAnswer());
      // the worker that claims a job says so in its log: that instance is the one to kill
      String owner =
          await()
              .atMost(Duration.ofSeconds(60))
              .pollInterval(Duration.ofMillis(100))
              .until(() -> transcribing(id, "speech-service"), Optional::isPresent)
              .orElseThrow();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> progress(candidate, id) > 0);
      assertThat(status(candidate, id)).as("killed mid-transcription").isEqualTo("TRANSCRIBING");
      Instant killedAt = kill(owner);

      String other = owner.equals("speech-service") ? "speech-service-2" : "speech-service";
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> log(other).contains("transcribing " + id));
      Duration takenOver = Duration.between(killedAt, Instant.now());
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> events.events().stream().anyMatch(e -> e.contains(id)));
      Duration scored = Duration.between(killedAt, Instant.now());

      JsonNode attempt = Json.read(candidate.gateway().get("/api/attempts/" + id).body());
      assertThat(attempt.path("mode").asText()).isEqualTo("SPOKEN");
      assertThat(attempt.path("transcript").asText()).contains("previous version");
      try (Connection db = suite.database()) {
        assertThat(
                RunningSuite.count(
                    db, "SELECT count(*) FROM assessment.attempt WHERE id = ?::uuid", id))
            .as("score rows")
            .isEqualTo(1);
        assertThat(scoredLiveEvents(db, candidate.id())).as("scored live events").isEqualTo(1);
      }
      assertThat(events.events().stream().filter(e -> e.contains(id))).hasSize(1);
      System.out.printf(
          "crash safety: speech instance %s killed mid-transcription; job taken over by %s after"
              + " %.1f s (lease %s), scored once %.1f s after the kill%n",
          owner, other, seconds(takenOver), RunningSuite.SPEECH_LEASE, seconds(scored));
    }
  }

  @Test
  @Order(2)
  void anAssessmentInstanceKilledWhileConsumingLeavesNothingUnscoredOrScoredTwice()
      throws Exception {
    String candidate = "crash-safety-" + UUID.randomUUID();
    List<UUID> attempts = new ArrayList<>();
    try (KafkaProducer<String, String> speech = suite.producerAs("speech-service")) {
      for (int i = 0; i < 150; i++) {
        UUID attempt = UUID.randomUUID();
        attempts.add(attempt);
        speech.send(
            new ProducerRecord<>(
                "rehearse.speech.transcripts", attempt.toString(), transcript(attempt, candidate)));
      }
      speech.flush();
    }
    long atKill;
    Instant killedAt;
    try (Connection db = suite.database()) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> scored(db, attempts) >= 5);
      killedAt = kill("assessment-service");
      atKill = scored(db, attempts);
      assertThat(atKill).as("scored when the instance was killed").isLessThan(attempts.size());
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> scored(db, attempts) == attempts.size());
      Duration allScored = Duration.between(killedAt, Instant.now());
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> scoredLiveEvents(db, candidate) >= attempts.size());
      assertThat(scoredLiveEvents(db, candidate))
          .as("one scored live event per attempt")
          .isEqualTo(attempts.size());
      System.out.printf(
          "crash safety: assessment-service killed with %d of %d transcripts scored; the rest"
              + " scored by the other instance, each once, %.1f s after the kill%n",
          atKill, attempts.size(), seconds(allScored));
    }
  }

  @Test
  @Order(3)
  void aGatewayKilledWithOpenEventStreamsLosesNoEventForAClientThatResumesOnTheOther()
      throws IOException {
    Account candidate = second.signUp();
    Gateway onFirst = first.as(Gateway.Identity.bearer(candidate.token()));
    Set<String> before = new LinkedHashSet<>();
    String lastEventId;
    try (EventStream stream = onFirst.events()) {
      for (int i = 0; i < 3; i++) {
        before.add(answer(candidate));
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> before.stream().allMatch(id -> seen(stream, id)));
      lastEventId = stream.lastEventId();
      assertThat(lastEventId).isNotNull();
      Instant killedAt = kill("gateway");
      await().atMost(Duration.ofSeconds(30)).until(stream::ended);

      // answered while the client is away, then it reconnects to the other instance
      Set<String> meanwhile = new LinkedHashSet<>();
      for (int i = 0; i < 3; i++) {
        meanwhile.add(answer(candidate));
      }
      try (EventStream resumed = candidate.gateway().events(lastEventId)) {
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> meanwhile.stream().allMatch(id -> seen(resumed, id)));
        Duration caughtUp = Duration.between(killedAt, Instant.now());
        List<String> got = resumed.events();
        assertThat(got)
            .as("nothing from before the last event seen")
            .noneMatch(e -> before.stream().anyMatch(e::contains));
        assertThat(meanwhile)
            .allSatisfy(id -> assertThat(got.stream().filter(e -> e.contains(id))).hasSize(1));
        System.out.printf(
            "crash safety: gateway killed with an open event stream; the client resumed on the"
                + " other instance with Last-Event-ID and had every event %.1f s after the kill%n",
            seconds(caughtUp));
      }
    }
  }

  @AfterAll
  void stop() {
    suite.stop();
  }

  /** SIGKILL to the instance's JVM, by the pid ./rehearse keeps for it; when it died. */
  private Instant kill(String instance) throws IOException {
    long pid =
        Long.parseLong(Files.readString(suite.home().resolve("pids/" + instance + ".pid")).strip());
    ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
    assertThat(process.info().commandLine().orElse("")).contains("rehearse.home=");
    process.destroyForcibly(); // SIGKILL
    await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    return Instant.now();
  }

  private String log(String instance) {
    try {
      return Files.readString(suite.home().resolve("logs/" + instance + ".log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The instance of {@code part} whose worker took job {@code id}, if one has yet. */
  private Optional<String> transcribing(String id, String part) {
    return Stream.of(part, part + "-2")
        .filter(i -> log(i).contains("transcribing " + id))
        .findFirst();
  }

  private static int progress(Account candidate, String id) {
    return attemptView(candidate, id).path("percent").asInt();
  }

  private static String status(Account candidate, String id) {
    return attemptView(candidate, id).path("status").asText();
  }

  private static JsonNode attemptView(Account candidate, String id) {
    HttpResponse<String> shown = candidate.gateway().get("/api/attempts/" + id);
    assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
    return Json.read(shown.body());
  }

  /** A typed answer through the gateway (scored at once); its attempt id. */
  private static String answer(Account candidate) {
    HttpResponse<String> scored =
        Gateway.awaitStatus(
            () ->
                candidate
                    .gateway()
                    .postAnswer(
                        QUESTION, "a canary release on five percent of traffic, watching latency"),
            201);
    return Json.read(scored.body()).path("id").asText();
  }

  private static boolean seen(EventStream stream, String attemptId) {
    return stream.events().stream().anyMatch(e -> e.contains(attemptId));
  }

  /**
   * Two committed answers back to back, 27 s of speech (16 kHz mono): long enough to be killed
   * mid-way, short enough to transcribe twice within the time the suite's tests may take.
   */
  private static byte[] longAnswer() throws IOException {
    ByteArrayOutputStream pcm = new ByteArrayOutputStream();
    for (String name : List.of("serving-rollout", "feature-store")) {
      byte[] wav = Files.readAllBytes(ANSWERS.resolve(name + ".wav"));
      pcm.write(wav, 44, wav.length - 44); // each has the canonical 44-byte header
    }
    byte[] header = Files.readAllBytes(ANSWERS.resolve("serving-rollout.wav"));
    ByteBuffer wav = ByteBuffer.allocate(44 + pcm.size()).order(ByteOrder.LITTLE_ENDIAN);
    wav.put(header, 0, 44).put(pcm.toByteArray());
    wav.putInt(4, 36 + pcm.size()).putInt(40, pcm.size());
    return wav.array();
  }

  private static String transcript(UUID attempt, String candidate) {
    return TranscriptEvent.json(
        attempt,
        candidate,
        QUESTION,
        "we roll out to a canary with five percent of traffic and watch latency",
        6.0);
  }

  private static long scored(Connection db, List<UUID> attempts) throws SQLException {
    try (PreparedStatement q =
        db.prepareStatement("SELECT count(*) FROM assessment.attempt WHERE id = ANY(?)")) {
      Array ids = db.createArrayOf("uuid", attempts.toArray());
      q.setArray(1, ids);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long scoredLiveEvents(Connection db, String candidate) throws SQLException {
    return RunningSuite.count(
        db,
        "SELECT count(*) FROM gateway.live_event WHERE candidate_id = ? AND kind = 'scored'",
        candidate);
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }
}
