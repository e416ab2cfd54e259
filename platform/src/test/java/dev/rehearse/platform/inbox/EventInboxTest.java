package dev.rehearse.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rehearse.contracts.Topics;
import dev.rehearse.platform.Note;
import dev.rehearse.platform.PlatformTest;
import dev.rehearse.testsupport.KafkaProbe;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * {@link EventInbox} applies an event once however often it is delivered, and dead-letters what it
 * cannot process without applying anything.
 */
@MicronautTest(transactional = false)
class EventInboxTest extends PlatformTest {
  static final String TOPIC = "rehearse.platform-test.inbox";

  @Inject TransactionOperations<Connection> tx;

  @Test
  void aRedeliveredEventIsAppliedOnce() {
    Note note = Note.of("once-" + UUID.randomUUID());
    Note later = Note.of("later-" + UUID.randomUUID());
    // one key, so one partition: once the later note is applied, every copy before it was handled
    String key = "redelivered-" + UUID.randomUUID();
    for (Note n : List.of(note, note, note, later)) {
      KafkaProbe.send(TOPIC, key, toJson(n));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> applied(later.text()) == 1);
    assertThat(applied(note.text())).isEqualTo(1);
  }

  @Test
  void unreadableInvalidAndRejectedRecordsAreDeadLetteredWithTheirReasonAndNotApplied() {
    String unreadable = "unreadable-" + UUID.randomUUID();
    Note blank = new Note(UUID.randomUUID(), 1, Instant.now(), " ");
    Note rejected = Note.of(Writer.REJECT + UUID.randomUUID());
    KafkaProbe.send(TOPIC, unreadable, "{not json");
    KafkaProbe.send(TOPIC, blank.eventId().toString(), toJson(blank));
    send(rejected);
    Note later = Note.of("after-poison-" + UUID.randomUUID());
    send(later);

    try (KafkaProbe dlq = new KafkaProbe(Topics.deadLetter(TOPIC))) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(reason(dlq, unreadable)).startsWith("unreadable Note");
                assertThat(reason(dlq, blank.eventId().toString()))
                    .startsWith("invalid Note")
                    .contains("text");
                assertThat(reason(dlq, rejected.eventId().toString()))
                    .isEqualTo("rejected " + rejected.text());
              });
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> applied(later.text()) == 1);
    // the rejected note's row was written before the effect threw: the transaction undid it
    assertThat(applied(rejected.text())).isZero();
    assertThat(applied(blank.text())).isZero();
  }

  private void send(Note note) {
    KafkaProbe.send(TOPIC, note.eventId().toString(), toJson(note));
  }

  private static String reason(KafkaProbe dlq, String key) {
    return dlq.records(r -> key.equals(r.key())).stream()
        .findFirst()
        .map(r -> KafkaProbe.header(r, Topics.DLQ_REASON_HEADER))
        .orElse("");
  }

  private int applied(String text) {
    return tx.executeRead(
        status -> {
          try (PreparedStatement s =
              status
                  .getConnection()
                  .prepareStatement("SELECT count(*) FROM test_effect WHERE text = ?")) {
            s.setString(1, text);
            try (ResultSet rs = s.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /**
   * Writes each note's text as its effect; a note starting with {@link #REJECT} is refused after.
   */
  @InboxListener(groupId = Writer.GROUP)
  static class Writer {
    static final String GROUP = "platform-event-inbox-test";
    static final String REJECT = "reject-";
    private final EventInbox inbox;
    private final TransactionOperations<Connection> tx;

    Writer(EventInbox inbox, TransactionOperations<Connection> tx) {
      this.inbox = inbox;
      this.tx = tx;
    }

    @Topic(TOPIC)
    void on(ConsumerRecord<String, String> record) {
      inbox.accept(GROUP, record, Note.class, this::write);
    }

    private void write(Note note) {
      try (PreparedStatement s =
          tx.getConnection()
              .prepareStatement("INSERT INTO test_effect (event_id, text) VALUES (?, ?)")) {
        s.setObject(1, note.eventId());
        s.setString(2, note.text());
        s.executeUpdate();
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      if (note.text().startsWith(REJECT)) {
        throw new RejectedEventException("rejected " + note.text());
      }
    }
  }
}
