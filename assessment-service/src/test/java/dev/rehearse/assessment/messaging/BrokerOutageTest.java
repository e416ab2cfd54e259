package dev.rehearse.assessment.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rehearse.assessment.AssessmentTestBase;
import dev.rehearse.assessment.scoring.AttemptView;
import dev.rehearse.contracts.AttemptScored;
import dev.rehearse.contracts.QuestionPublished;
import dev.rehearse.contracts.Topics;
import dev.rehearse.platform.outbox.OutboxRepository;
import dev.rehearse.testsupport.Infrastructure;
import dev.rehearse.testsupport.KafkaProbe;
import dev.rehearse.testsupport.TestInfrastructure;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@MicronautTest
class BrokerOutageTest extends AssessmentTestBase {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerOutageTest.class);

  @Inject
  @Client("/")
  HttpClient http;

  @Inject OutboxRepository outbox;

  @Test
  void everyAttemptSubmittedAcrossABrokerRestartIsScoredDownstreamExactlyOnce() throws Exception {
    QuestionPublished question = servingQuestion();
    publish(question);
    String candidate = "c-outage-" + UUID.randomUUID();
    List<UUID> submitted = new CopyOnWriteArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService submitter = Executors.newSingleThreadExecutor();
    Future<?> submitting =
        submitter.submit(
            () -> {
              while (!stop.get()) {
                var request =
                    asCandidate(
                        HttpRequest.POST(
                            "/api/attempts",
                            Map.of(
                                "questionId",
                                question.questionId(),
                                "answerText",
                                "canary at 5% then roll back on latency")),
                        candidate);
                submitted.add(http.toBlocking().retrieve(request, AttemptView.class).id());
              }
              return null;
            });

    Infrastructure infra = TestInfrastructure.get();
    await().atMost(Duration.ofSeconds(30)).until(() -> submitted.size() >= 10);
    infra.stopKafka();
    int atStop = submitted.size();
    // answers are still accepted and scored; their events wait in the outbox
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> submitted.size() >= atStop + 20 && outbox.countBySentAtIsNull() >= 10);
    long waiting = outbox.countBySentAtIsNull();
    infra.startKafka();
    int atRestart = submitted.size();
    await().atMost(Duration.ofSeconds(60)).until(() -> submitted.size() >= atRestart + 10);
    stop.set(true);
    submitting.get(30, TimeUnit.SECONDS);
    submitter.shutdown();

    Set<UUID> expected = Set.copyOf(submitted);
    try (KafkaProbe scored = new KafkaProbe(Topics.ASSESSMENT_SCORED)) {
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> attemptIds(scored, candidate).keySet().containsAll(expected));
      Map<UUID, Set<UUID>> eventsPerAttempt = attemptIds(scored, candidate);
      int records = scored.records(r -> candidate.equals(r.key())).size();
      LOG.info(
          "Broker restart: {} attempts submitted, {} waited in the outbox during the outage, {} records on the topic, {} distinct attempts",
          expected.size(),
          waiting,
          records,
          eventsPerAttempt.size());
      assertThat(eventsPerAttempt.keySet()).isEqualTo(expected);
      assertThat(eventsPerAttempt.values()).allSatisfy(events -> assertThat(events).hasSize(1));
    }
  }

  /** attempt id -> the distinct event ids that reported it. */
  private Map<UUID, Set<UUID>> attemptIds(KafkaProbe probe, String candidate) {
    return probe.records(r -> candidate.equals(r.key())).stream()
        .map(r -> fromJson(r.value(), AttemptScored.class))
        .collect(
            Collectors.groupingBy(
                AttemptScored::attemptId,
                Collectors.mapping(AttemptScored::eventId, Collectors.toSet())));
  }
}
