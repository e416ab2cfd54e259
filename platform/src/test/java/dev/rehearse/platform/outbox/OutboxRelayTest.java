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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
  @Inject OutboxRelay relay;
  @Inject OutboxRepository repository;

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

  @Test
  void relaysRunningSideBySideSendEveryRowOnceAndInOrder() throws Exception {
    String key = "side-by-side-" + UUID.randomUUID();
    List<String> written = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      Note note = Note.of(key + "#" + i);
      written.add(note.text());
      publishInTransaction(key, note);
    }
    // four relays at once, as four instances of a service would run (the scheduled one as well)
    ExecutorService instances = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        running.add(
            instances.submit(
                () -> {
                  while (relay.relayBatch() > 0 || outboxHasUnsent()) {
                    // until the outbox is empty
                  }
                }));
      }
      for (Future<?> each : running) {
        each.get(60, TimeUnit.SECONDS);
      }
    } finally {
      instances.shutdownNow();
    }

    try (KafkaProbe topic = new KafkaProbe(TOPIC)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> topic.records(byKey(key)).size() >= written.size());
      assertThat(topic.records(byKey(key)))
          .extracting(r -> fromJson(r.value(), Note.class).text())
          .as("each row once, in the order written")
          .containsExactlyElementsOf(written);
    }
  }

  private boolean outboxHasUnsent() {
    return tx.executeRead(status -> repository.countBySentAtIsNull() > 0);
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
