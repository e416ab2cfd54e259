package dev.rehearse.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The secure broker of ./rehearse up with the repository's own kafka.acl, exercised by real Kafka
 * clients signing in as the services.
 */
class SecureBrokerTest {
  private static final String TRANSCRIPTS = "rehearse.speech.transcripts";
  private static final String REVIEWED = "rehearse.assessment.reviewed";
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static final Map<String, String> passwords = new HashMap<>();

  /** What ./rehearse gives the launcher. */
  private static final Map<String, String> env = new HashMap<>();

  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void start() throws Exception {
    env.put(KafkaSecurity.ACCESS_TABLE_VARIABLE, ROOT.resolve("kafka.acl").toString());
    env.put(KafkaSecurity.ADMIN_PASSWORD_VARIABLE, UUID.randomUUID().toString());
    for (String line : Files.readAllLines(ROOT.resolve("suite.parts"))) {
      String[] c = line.strip().split("\\s+");
      if (c.length == 5 && c[1].equals("service")) {
        passwords.put(c[0], UUID.randomUUID().toString());
        env.put("REHEARSE_KAFKA_" + c[4] + "_PASSWORD", passwords.get(c[0]));
      }
    }
    broker =
        new EmbeddedKafkaBroker(
                Files.createTempDirectory("secure-kafka-").resolve("kafka"), 0, security())
            .start();
    // each owner creates its topics, as the services do at start-up
    create("speech-service", TRANSCRIPTS);
    create("assessment-service", REVIEWED);
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  @Test
  void speechServiceCannotWriteReviews() {
    assertThat(send("speech-service", passwords.get("speech-service"), REVIEWED, "forged review"))
        .isInstanceOf(TopicAuthorizationException.class);
  }

  @Test
  void gatewayCannotWriteTranscripts() {
    assertThat(send("gateway", passwords.get("gateway"), TRANSCRIPTS, "forged by gateway"))
        .isInstanceOf(TopicAuthorizationException.class);
  }

  @Test
  void aServiceCannotCreateAnotherServicesTopic() {
    Throwable failure = catchThrowable(() -> create("gateway", "rehearse.catalog.questions"));
    assertThat(failure).hasCauseInstanceOf(TopicAuthorizationException.class);
  }

  @Test
  void forgedTranscriptsNeverReachAssessment() throws Exception {
    String attempt = UUID.randomUUID().toString();
    assertThat(send("speech-service", "not-its-password", TRANSCRIPTS, "forged " + attempt))
        .isInstanceOf(SaslAuthenticationException.class);
    assertThat(send("intruder", "anything", TRANSCRIPTS, "forged " + attempt))
        .isInstanceOf(SaslAuthenticationException.class);
    assertThat(
            send("speech-service", passwords.get("speech-service"), TRANSCRIPTS, "real " + attempt))
        .isNull();

    List<String> read = readUntil("assessment-transcripts", "real " + attempt);
    assertThat(read).contains("real " + attempt).doesNotContain("forged " + attempt);
  }

  @Test
  void assessmentMayUseOnlyItsOwnConsumerGroups() {
    Throwable failure = catchThrowable(() -> readUntil("speech-catalog", "never"));
    assertThat(failure).isInstanceOf(GroupAuthorizationException.class);
  }

  @Test
  void aLogDirectoryFromBeforeTheBrokerWasSecuredIsSecuredInPlace() throws Exception {
    Path dir = Files.createTempDirectory("upgraded-kafka-").resolve("kafka");
    new EmbeddedKafkaBroker(dir, 0).start().close();
    try (EmbeddedKafkaBroker upgraded = new EmbeddedKafkaBroker(dir, 0, security()).start()) {
      Map<String, Object> config =
          new HashMap<>(
              KafkaSecurity.clientProperties("speech-service", passwords.get("speech-service")));
      config.put("bootstrap.servers", upgraded.bootstrapServers());
      try (Admin admin = Admin.create(config)) {
        assertThat(admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS)).isNotBlank();
      }
    }
  }

  private static KafkaSecurity security() {
    return KafkaSecurity.fromEnvironment(env).orElseThrow();
  }

  /** Sends one record as {@code user}; returns why it failed, or null once acknowledged. */
  private static Throwable send(String user, String password, String topic, String value) {
    Map<String, Object> config = client(user, password);
    config.put("max.block.ms", 15_000);
    config.put("delivery.timeout.ms", 15_000);
    config.put("request.timeout.ms", 10_000);
    try (var producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "attempt", value)).get(30, TimeUnit.SECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      return e;
    }
  }

  /** Reads the transcripts as assessment-service until {@code expected} arrives (or 30 s pass). */
  private static List<String> readUntil(String group, String expected) {
    Map<String, Object> config = client("assessment-service", passwords.get("assessment-service"));
    config.put("group.id", group);
    config.put("auto.offset.reset", "earliest");
    List<String> values = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(TRANSCRIPTS));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!values.contains(expected) && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          values.add(r.value());
        }
      }
    }
    return values;
  }

  private static void create(String owner, String topic) throws Exception {
    try (Admin admin = Admin.create(client(owner, passwords.get(owner)))) {
      admin
          .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
  }

  private static Map<String, Object> client(String user, String password) {
    Map<String, Object> config = new HashMap<>(KafkaSecurity.clientProperties(user, password));
    config.put("bootstrap.servers", broker.bootstrapServers());
    return config;
  }
}
