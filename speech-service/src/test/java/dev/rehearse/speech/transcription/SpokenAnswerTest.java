package dev.rehearse.speech.transcription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rehearse.contracts.Topics;
import dev.rehearse.contracts.TranscriptReady;
import dev.rehearse.speech.SpeechTestBase;
import dev.rehearse.speech.Wavs;
import dev.rehearse.speech.catalog.CatalogRepository;
import dev.rehearse.speech.transcription.SpokenAttempt.Status;
import dev.rehearse.speech.vosk.Recognition;
import dev.rehearse.speech.vosk.RecognizedWord;
import dev.rehearse.testsupport.KafkaProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class SpokenAnswerTest extends SpeechTestBase {
  @Inject CatalogRepository catalog;
  @Inject SpokenAudioRepository audio;
  @Inject SpokenAttemptRepository attempts;
  @Inject TranscriptionJobs jobs;
  @Inject MeterRegistry meters;
  @Inject TransactionOperations<Connection> tx;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>(super.getProperties());
    p.put(
        "rehearse.metrics.query-every",
        "50ms"); // the queue gauge asks often enough to see a job wait
    return p;
  }

  @BeforeAll
  void publishQuestion() {
    publish(servingQuestion());
    await().atMost(Duration.ofSeconds(30)).until(() -> catalog.existsById(SERVING_QUESTION));
  }

  @Test
  void committedAnswerIsTranscribedWithWordsAndFluencyAndPublished() {
    UUID id = submit("c-answer", "answers/serving-rollout.wav");
    SpokenAttemptView done = awaitFinished(id);

    assertThat(done.status()).isEqualTo(Status.TRANSCRIBED);
    assertThat(done.percent()).isEqualTo(100);
    assertThat(done.questionId()).isEqualTo(SERVING_QUESTION);
    assertThat(done.transcript())
        .contains("five percent", "latency", "roll back", "previous version");
    assertThat(done.durationSeconds()).isBetween(11.0, 12.5);
    assertThat(done.words()).hasSizeGreaterThan(25);
    assertThat(done.words())
        .allSatisfy(
            w -> {
              assertThat(w.confidence()).isBetween(0.0, 1.0);
              assertThat(w.end()).isGreaterThan(w.start());
              assertThat(w.end()).isLessThanOrEqualTo(done.durationSeconds());
            });
    assertThat(done.words().get(0).start())
        .isBetween(0.2, 0.6); // 0.3 s of leading silence, whatever ran before
    assertThat(done.fluency().wordsPerMinute()).isBetween(120.0, 200.0);
    assertThat(done.fluency().longPauses()).isZero();
    assertThat(done.error()).isNull();
    assertThat(audio.existsById(id)).as("audio deleted once transcribed").isFalse();

    try (KafkaProbe probe = new KafkaProbe(Topics.SPEECH_TRANSCRIPTS)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !probe.records(r -> id.toString().equals(r.key())).isEmpty());
      var record = probe.records(r -> id.toString().equals(r.key())).get(0);
      TranscriptReady event = fromJson(record.value(), TranscriptReady.class);
      assertThat(event.attemptId()).isEqualTo(id);
      assertThat(event.candidateId()).isEqualTo("c-answer");
      assertThat(event.questionId()).isEqualTo(SERVING_QUESTION);
      assertThat(event.text()).isEqualTo(done.transcript());
      assertThat(event.words()).hasSameSizeAs(done.words());
      assertThat(event.fluency()).isEqualTo(done.fluency());
      assertThat(event.durationSeconds()).isEqualTo(done.durationSeconds());
      assertThat(event.sessionId()).isNull();
    }
  }

  @Test
  void transcriptionsAreMeteredWhileQueuedAndOnceDone() {
    Timer duration = meters.get("rehearse.transcription").timer();
    long before = duration.count();
    long rtfBefore = meters.get("rehearse.transcription.real.time.factor").summary().count();
    // one worker per instance: while it transcribes the first, the others wait in the queue
    List<UUID> ids =
        List.of(
            submit("c-meter-1", "answers/serving-rollout.wav"),
            submit("c-meter-2", "answers/serving-rollout.wav"),
            submit("c-meter-3", "answers/serving-rollout.wav"));
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> queueDepth() >= 1);
    ids.forEach(this::awaitFinished);
    await().atMost(Duration.ofSeconds(5)).until(() -> queueDepth() == 0);

    assertThat(duration.count() - before).isGreaterThanOrEqualTo(3);
    assertThat(duration.max(TimeUnit.MILLISECONDS)).isPositive();
    var rtf = meters.get("rehearse.transcription.real.time.factor").summary();
    assertThat(rtf.count() - rtfBefore).isGreaterThanOrEqualTo(3);
    // an 11.5 s answer takes a fraction of its length to transcribe, never nothing
    assertThat(rtf.max()).isBetween(0.001, 5.0);
  }

  private double queueDepth() {
    return meters.get("rehearse.transcription.queue.depth").gauge().value();
  }

  @Test
  void aSessionNamedOnUploadIsCarriedToTheTranscriptEvent() {
    UUID session = UUID.randomUUID();
    var response =
        http.toBlocking()
            .exchange(
                wavPost(
                    "/api/spoken-attempts?questionId=" + SERVING_QUESTION + "&sessionId=" + session,
                    "c-session",
                    audio("formats/mono-16k.wav")),
                SpokenAttemptController.Accepted.class);
    UUID id = response.body().id();
    assertThat(awaitFinished(id).status()).isEqualTo(Status.TRANSCRIBED);
    assertThat(attempts.findById(id).orElseThrow().sessionId()).isEqualTo(session);
    try (KafkaProbe probe = new KafkaProbe(Topics.SPEECH_TRANSCRIPTS)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !probe.records(r -> id.toString().equals(r.key())).isEmpty());
      TranscriptReady event =
          fromJson(
              probe.records(r -> id.toString().equals(r.key())).get(0).value(),
              TranscriptReady.class);
      assertThat(event.sessionId()).isEqualTo(session);
    }
    assertProblem(
        wavPost(
            "/api/spoken-attempts?questionId=" + SERVING_QUESTION + "&sessionId=not-a-uuid",
            "c-session",
            audio("formats/mono-16k.wav")),
        400,
        null);
  }

  @Test
  void pausesAndFillersAreCounted() {
    SpokenAttemptView drift = awaitFinished(submit("c-fluency", "answers/drift.wav"));
    assertThat(drift.fluency().longPauses()).isEqualTo(1);
    assertThat(drift.fluency().longestPause()).isBetween(1.5, 3.2);

    SpokenAttemptView hesitant = awaitFinished(submit("c-fluency", "answers/checkpointing.wav"));
    assertThat(hesitant.transcript()).contains("you know");
    assertThat(hesitant.fluency().fillerCount()).isGreaterThanOrEqualTo(1);
    assertThat(hesitant.fluency().fillerRate()).isPositive();
  }

  @Test
  void stereoAndOtherSampleRatesAreDownmixedAndResampledTo16kHz() {
    Set<String> reference = words(awaitFinished(submit("c-formats", "formats/mono-16k.wav")));
    assertThat(reference).contains("release", "back");
    for (String file :
        List.of("formats/stereo-44k.wav", "formats/stereo-22k.wav", "formats/mono-8k.wav")) {
      SpokenAttemptView view = awaitFinished(submit("c-formats", file));
      assertThat(view.status()).as(file).isEqualTo(Status.TRANSCRIBED);
      assertThat(view.durationSeconds()).as(file).isBetween(4.0, 6.0);
      Set<String> common = new HashSet<>(words(view));
      common.retainAll(reference);
      // 8 kHz keeps half the band, and pooled recognizers carry their adaptation from earlier
      // audio (fresh ones cost 400 ms), so a word more or less is heard from run to run there
      int share = file.contains("8k") ? 6 : 7;
      assertThat(common.size())
          .as(file + " heard " + view.transcript())
          .isGreaterThanOrEqualTo(reference.size() * share / 10);
    }
  }

  @Test
  void longAnswerReportsProgressWhileItIsTranscribed() throws Exception {
    ByteArrayOutputStream pcm = new ByteArrayOutputStream();
    for (String file :
        List.of("serving-rollout", "feature-store", "checkpointing", "cost", "drift")) {
      pcm.write(Wavs.pcm(audio("answers/" + file + ".wav")));
    }
    UUID id = post("c-long", Wavs.wav16(pcm.toByteArray(), 16_000, 1));
    TreeSet<Integer> seen = new TreeSet<>();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              SpokenAttemptView v = view(id);
              seen.add(v.percent());
              return v.status() == Status.TRANSCRIBED;
            });
    assertThat(seen.subSet(1, 100)).as("percents seen " + seen).isNotEmpty();
    assertThat(view(id).words()).hasSizeGreaterThan(120);
  }

  @Test
  void aJobWhoseWorkerDiedIsTakenOverAndFinished() {
    Instant longAgo = Instant.now().minus(Duration.ofMinutes(10));
    UUID id = UUID.randomUUID();
    byte[] pcm = Wavs.pcm(audio("formats/mono-16k.wav"));
    // the job and its audio in one transaction: a worker must not find the job without its audio
    tx.executeWrite(
        status -> {
          attempts.save(
              new SpokenAttempt(
                  id,
                  "c-orphan",
                  SERVING_QUESTION,
                  Status.TRANSCRIBING,
                  40,
                  5.0,
                  16_000,
                  1,
                  null,
                  null,
                  null,
                  null,
                  1,
                  longAgo,
                  longAgo,
                  null));
          audio.save(new SpokenAudio(id, pcm));
          return null;
        });

    SpokenAttemptView done = awaitFinished(id);
    assertThat(done.status()).isEqualTo(Status.TRANSCRIBED);
    assertThat(done.transcript()).contains("release");
    assertThat(attempts.findById(id).orElseThrow().tries()).isEqualTo(2);
  }

  @Test
  void aWorkerWhoseLeaseWasTakenOverWritesNothing() {
    Instant now = Instant.now();
    UUID id = UUID.randomUUID();
    // claimed a second time (try 2) by another worker after the first one's lease ran out
    SpokenAttempt takenOver =
        attempts.save(
            new SpokenAttempt(
                id,
                "c-lease",
                SERVING_QUESTION,
                Status.TRANSCRIBING,
                10,
                5.0,
                16_000,
                1,
                null,
                null,
                null,
                null,
                2,
                now,
                now,
                null));
    SpokenAttempt firstClaim = attempts.findById(id).map(a -> withTries(a, 1)).orElseThrow();
    Recognition heard =
        new Recognition("too late", List.of(new RecognizedWord("late", 0.1, 0.5, 0.9)));
    try {
      assertThat(jobs.renew(firstClaim, 50)).as("the first worker's renewal").isFalse();
      assertThat(jobs.complete(firstClaim, heard, Fluency.of(heard.words(), 5.0)))
          .as("the first worker's result")
          .isFalse();
      jobs.fail(firstClaim, "the first worker gave up", false);
      SpokenAttempt after = attempts.findById(id).orElseThrow();
      assertThat(after.status()).isEqualTo(Status.TRANSCRIBING);
      assertThat(after.transcript()).isNull();
      assertThat(after.percent()).isEqualTo(10);
      assertThat(jobs.renew(takenOver, 60)).as("the new worker's renewal").isTrue();
      assertThat(attempts.findById(id).orElseThrow().percent()).isEqualTo(60);
    } finally {
      attempts.deleteById(id);
    }
  }

  private static SpokenAttempt withTries(SpokenAttempt a, int tries) {
    return new SpokenAttempt(
        a.id(),
        a.candidateId(),
        a.questionId(),
        a.status(),
        a.percent(),
        a.durationSeconds(),
        a.sourceRate(),
        a.sourceChannels(),
        a.transcript(),
        a.words(),
        a.fluency(),
        a.error(),
        tries,
        a.createdAt(),
        a.updatedAt(),
        a.sessionId());
  }

  @Test
  void anAttemptIsVisibleToItsCandidateAndToAdminsOnly() {
    UUID id = submit("c-owner", "formats/mono-16k.wav");
    String uri = "/api/spoken-attempts/" + id;
    assertThat(status(as(HttpRequest.GET(uri), "c-owner", "CANDIDATE"))).isEqualTo(200);
    assertThat(status(as(HttpRequest.GET(uri), "coach-1", "COACH"))).isEqualTo(404);
    assertThat(status(as(HttpRequest.GET(uri), "admin-1", "ADMIN"))).isEqualTo(200);
    assertProblem(as(HttpRequest.GET(uri), "c-other", "CANDIDATE"), 404, "id");
    // identity headers name nobody: without a token nothing is served, with one they are ignored
    assertProblem(HttpRequest.GET(uri), 401, "Authorization");
    assertProblem(
        HttpRequest.GET(uri).header("X-Candidate-Id", "c-owner").header("X-User-Role", "ADMIN"),
        401,
        "Authorization");
    assertProblem(
        as(HttpRequest.GET(uri), "c-other", "CANDIDATE")
            .header("X-Candidate-Id", "c-owner")
            .header("X-User-Role", "ADMIN"),
        404,
        "id");
  }

  @Test
  void badUploadsGetProblemsThatSayWhatIsWrong() {
    String uri = "/api/spoken-attempts?questionId=" + SERVING_QUESTION;
    assertProblem(wavPost(uri, "c-bad", "ID3 not a wav, an mp3".getBytes()), 415, "audio");
    assertProblem(wavPost(uri, "c-bad", audio("formats/pcm-8bit.wav")), 415, "bitsPerSample");
    assertThat(
            assertProblem(wavPost(uri, "c-bad", audio("formats/float-32bit.wav")), 415, "format"))
        .contains("IEEE float");
    assertProblem(
        as(HttpRequest.POST(uri, "hello").contentType("text/plain"), "c-bad", "CANDIDATE"),
        415,
        null);
    assertProblem(wavPost(uri, "c-bad", new byte[0]), 400, "audio");
    assertThat(assertProblem(wavPost(uri, "c-bad", audio("silence.wav")), 400, "audio"))
        .contains("silence");
    byte[] truncated = audio("formats/mono-16k.wav");
    assertThat(
            assertProblem(
                wavPost(uri, "c-bad", java.util.Arrays.copyOf(truncated, truncated.length / 2)),
                400,
                "dataSize"))
        .contains("truncated");
    byte[] longTone = Wavs.wav16(Wavs.tone(440, 121, 8_000, 3000), 8_000, 1);
    assertThat(assertProblem(wavPost(uri, "c-bad", longTone), 413, "duration"))
        .contains("2 minutes");
    assertProblem(wavPost(uri, "c-bad", new byte[21 * 1024 * 1024]), 413, null);
    assertProblem(
        wavPost(
            "/api/spoken-attempts?questionId=no-such-question",
            "c-bad",
            audio("formats/mono-16k.wav")),
        404,
        "questionId");
    // a coach's own question never reaches speech's catalog: its answer is queued all the same
    assertThat(
            status(
                wavPost(
                    "/api/spoken-attempts?questionId=coach-" + UUID.randomUUID(),
                    "c-coach-question",
                    audio("formats/mono-16k.wav"))))
        .isEqualTo(202);
    assertProblem(
        HttpRequest.POST(uri, audio("formats/mono-16k.wav")).contentType("audio/wav"),
        401,
        "Authorization");
    assertProblem(
        as(HttpRequest.GET("/api/spoken-attempts/not-a-uuid"), "c-bad", "CANDIDATE"), 400, null);
    assertProblem(
        as(HttpRequest.GET("/api/spoken-attempts/" + UUID.randomUUID()), "c-bad", "CANDIDATE"),
        404,
        "id");
  }

  private UUID submit(String candidate, String file) {
    return post(candidate, audio(file));
  }

  private UUID post(String candidate, byte[] wav) {
    var response =
        http.toBlocking()
            .exchange(
                wavPost("/api/spoken-attempts?questionId=" + SERVING_QUESTION, candidate, wav),
                SpokenAttemptController.Accepted.class);
    assertThat(response.code()).isEqualTo(202);
    assertThat(response.body().status()).isEqualTo(Status.QUEUED);
    return response.body().id();
  }

  private SpokenAttemptView view(UUID id) {
    return http.toBlocking()
        .retrieve(
            as(HttpRequest.GET("/api/spoken-attempts/" + id), "admin-1", "ADMIN"),
            SpokenAttemptView.class);
  }

  private SpokenAttemptView awaitFinished(UUID id) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> Set.of(Status.TRANSCRIBED, Status.FAILED).contains(view(id).status()));
    return view(id);
  }

  private static Set<String> words(SpokenAttemptView view) {
    Set<String> words = new HashSet<>();
    view.words().stream().map(RecognizedWord::word).forEach(words::add);
    return words;
  }
}
