package dev.rehearse.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The broker of `./rehearse up` lets no one forge a transcript: with speech-service's name but a
 * wrong password the producer cannot sign in, and the gateway's own principal is refused by ACL.
 * After a real spoken attempt has gone through the same topic and been scored, the forged attempt
 * is on neither the topic nor the candidate's attempts. Runs on the shared suite before
 * RunningSuiteIT stops it.
 */
@Order(3)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaAclIT {
  private static final String TRANSCRIPTS = "rehearse.speech.transcripts";
  private static final String QUESTION = "open-serving-rollout";

  private RunningSuite suite;
  private Gateway candidate;
  private String candidateId;

  @BeforeAll
  void signUp() {
    suite = RunningSuite.get();
    Gateway.Account account =
        new Gateway(
                URI.create("http://localhost:" + suite.ports().get("GATEWAY")),
                Gateway.Identity.ANONYMOUS)
            .signUp();
    candidateId = account.id();
    candidate = account.gateway();
  }

  @Test
  void aForgedTranscriptIsRefusedAndNeverScored() throws IOException {
    UUID forged = UUID.randomUUID();
    String transcript = forgedTranscript(forged);

    assertThat(send("speech-service", "a guessed password", transcript))
        .as("speech-service's name with a wrong password")
        .isInstanceOf(SaslAuthenticationException.class);
    assertThat(send("gateway", secret("kafka-gateway"), transcript))
        .as("the gateway's principal may not write transcripts")
        .isInstanceOf(TopicAuthorizationException.class);

    String real = spokenAttemptScored();

    List<String> onTopic = transcriptsUntil(real);
    assertThat(onTopic)
        .anyMatch(t -> t.contains(real))
        .noneMatch(t -> t.contains(forged.toString()));
    HttpResponse<String> forgedAttempt = candidate.get("/api/attempts/" + forged);
    assertThat(forgedAttempt.statusCode()).as(forgedAttempt.body()).isEqualTo(404);
  }

  /** A real spoken attempt through the gateway, waited for until assessment scored it. */
  private String spokenAttemptScored() throws IOException {
    byte[] wav =
        Files.readAllBytes(
            Suite.root()
                .resolve("speech-service/src/test/resources/audio/answers/serving-rollout.wav"));
    String id = candidate.submitSpokenAttempt(QUESTION, wav);
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              HttpResponse<String> shown = candidate.get("/api/attempts/" + id);
              assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
              assertThat(Json.read(shown.body()).path("score").isNumber()).isTrue();
            });
    return id;
  }

  /** What would be scored as this candidate's if it reached assessment. */
  private String forgedTranscript(UUID attempt) {
    return TranscriptEvent.json(
        attempt,
        candidateId,
        QUESTION,
        "a canary release on a small share of traffic with automatic rollback on p99 latency",
        20.0);
  }

  /** Publishes as {@code user}; returns why it failed, or null once the broker acknowledged it. */
  private Throwable send(String user, String password, String value) {
    Map<String, Object> config = client(user, password);
    config.put("max.block.ms", 15_000);
    config.put("delivery.timeout.ms", 15_000);
    config.put("request.timeout.ms", 10_000);
    try (var producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(TRANSCRIPTS, value)).get(30, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      return e;
    }
  }

  /** Every transcript on the topic, read as assessment-service, up to the one naming {@code id}. */
  private List<String> transcriptsUntil(String id) {
    Map<String, Object> config = client("assessment-service", secret("kafka-assessment-service"));
    // a group of its own under assessment-service's prefix: the service's offsets stay untouched
    config.put("group.id", "assessment-kafka-acl-it-" + UUID.randomUUID());
    config.put("auto.offset.reset", "earliest");
    List<String> values = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(TRANSCRIPTS));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                  values.add(r.value());
                }
                return values.stream().anyMatch(v -> v.contains(id));
              });
    }
    return values;
  }

  private Map<String, Object> client(String user, String password) {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", "localhost:" + suite.ports().get("KAFKA"));
    config.put("security.protocol", "SASL_PLAINTEXT");
    config.put("sasl.mechanism", "SCRAM-SHA-256");
    config.put(
        "sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
            + user
            + "\" password=\""
            + password
            + "\";");
    return config;
  }

  /** A password ./rehearse generated for this suite's data directory. */
  private String secret(String name) {
    try {
      return Files.readString(suite.home().resolve("secrets").resolve(name)).strip();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
