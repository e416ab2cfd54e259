package dev.rehearse.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.rehearse.platform.Note;
import dev.rehearse.platform.PlatformTest;
import dev.rehearse.testsupport.KafkaProbe;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * What a transaction writes to the {@link Outbox} reaches Kafka only if the transaction commits.
 */
@MicronautTest(transactional = false)
class OutboxRelayTest extends PlatformTest {
  static final String TOPIC = "rehearse.platform-test.outbox";

  @Inject Outbox outbox;
  @Inject TransactionOperations<Connection> tx;

  @Test
  void anEventWrittenInACommittedTransactionIsPublishedToItsTopic() {
    Note note = Note.of("committed-" + UUID.randomUUID());
    String key = "committed-" + UUID.randomUUID();
    publishInTransaction(key, note);

    try (KafkaProbe topic = new KafkaProbe(TOPIC)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> !topic.records(byKey(key)).isEmpty());
      assertThat(topic.records(byKey(key)))
          .singleElement()
          .satisfies(r -> assertThat(fromJson(r.value(), Note.class)).isEqualTo(note));
    }
  }

  @Test
  void anEventWrittenInATransactionThatRollsBackIsNeverPublished() {
    String key = "rollback-" + UUID.randomUUID();
    Note undone = Note.of("undone-" + UUID.randomUUID());
    assertThatThrownBy(
            () ->
                tx.executeWrite(
                    status -> {
                      outbox.publish(TOPIC, key, undone);
                      throw new IllegalStateException("the change fails after the event");
                    }))
        .hasMessageContaining("the change fails");
    // same key, so same partition, relayed in order: once the later note is out, the undone one
    // would be out too
    Note later = Note.of("later-" + UUID.randomUUID());
    publishInTransaction(key, later);

    try (KafkaProbe topic = new KafkaProbe(TOPIC)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !topic.records(r -> r.value().contains(later.text())).isEmpty());
      assertThat(topic.records(byKey(key)))
          .singleElement()
          .satisfies(r -> assertThat(fromJson(r.value(), Note.class)).isEqualTo(later));
    }
  }

  private void publishInTransaction(String key, Note note) {
    tx.executeWrite(
        status -> {
          outbox.publish(TOPIC, key, note);
          return null;
        });
  }

  private static java.util.function.Predicate<ConsumerRecord<String, String>> byKey(String key) {
    return r -> key.equals(r.key());
  }
}
