package dev.rehearse.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rehearse.contracts.Topics;
import dev.rehearse.platform.PlatformTest;
import dev.rehearse.testsupport.KafkaProbe;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
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
class InboxListenerTest extends PlatformTest {
  static final String TOPIC = "rehearse.platform-test";

  @Inject Recorder recorder;

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
      assertThat(KafkaProbe.header(letter, Topics.DLQ_REASON_HEADER))
          .contains("gave up after retries")
          .contains("cannot process");
      assertThat(KafkaProbe.header(letter, "rehearse.dlq.consumer")).isEqualTo(Recorder.GROUP);
    }
    assertThat(recorder.seen.stream().filter(poison::equals)).hasSize(6);
    await().atMost(Duration.ofSeconds(30)).until(() -> recorder.seen.contains(good));
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
