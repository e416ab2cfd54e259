package dev.rehearse.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rehearse.contracts.Topics;
import dev.rehearse.testsupport.KafkaProbe;
import dev.rehearse.testsupport.ServiceTest;
import dev.rehearse.testsupport.TestInfrastructure;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A listener declared with {@link InboxListener} consumes from the earliest offset, retries a
 * record that keeps failing five times with growing delays, then sends it to the dead-letter topic
 * with the reason and goes on with the next record (with {@link DeadLetteringListener}).
 */
@MicronautTest
class InboxListenerTest extends ServiceTest {
  static final String TOPIC = "rehearse.platform-test";

  @Inject Recorder recorder;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> p = new HashMap<>(TestInfrastructure.properties("platform_test"));
    p.put("flyway.datasources.default.enabled", "true");
    p.put("flyway.datasources.default.schemas", "platform_test");
    p.put("flyway.datasources.default.default-schema", "platform_test");
    p.put("flyway.datasources.default.create-schemas", "true");
    p.put("flyway.datasources.default.locations", "classpath:db/platform");
    return p;
  }

  @Test
  void aRecordThatKeepsFailingIsRetriedThenDeadLetteredAndTheNextOneIsProcessed() {
    String poison = "poison-" + UUID.randomUUID();
    String good = "good-" + UUID.randomUUID();
    KafkaProbe.send(TOPIC, "k", poison);
    KafkaProbe.send(TOPIC, "k", good);
    try (KafkaProbe dlq = new KafkaProbe(Topics.deadLetter(TOPIC))) {
      // 1 try and 5 retries, 0.5 s doubling: about 16 s
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> !dlq.records(r -> poison.equals(r.value())).isEmpty());
      ConsumerRecord<String, String> letter = dlq.records(r -> poison.equals(r.value())).get(0);
      assertThat(header(letter, Topics.DLQ_REASON_HEADER))
          .contains("gave up after retries")
          .contains("cannot process");
      assertThat(header(letter, "rehearse.dlq.consumer")).isEqualTo(Recorder.GROUP);
    }
    assertThat(recorder.seen.stream().filter(poison::equals)).hasSize(6);
    await().atMost(Duration.ofSeconds(30)).until(() -> recorder.seen.contains(good));
  }

  private static String header(ConsumerRecord<String, String> r, String name) {
    return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  /** Records every delivery and fails on poison. */
  @InboxListener(groupId = Recorder.GROUP)
  static class Recorder extends DeadLetteringListener {
    static final String GROUP = "platform-inbox-test";
    final List<String> seen = new CopyOnWriteArrayList<>();

    Recorder(DeadLetters deadLetters) {
      super(deadLetters, GROUP);
    }

    @Topic(TOPIC)
    void on(ConsumerRecord<String, String> record) {
      seen.add(record.value());
      if (record.value().startsWith("poison")) {
        throw new IllegalStateException("cannot process " + record.value());
      }
    }
  }
}
