package dev.rehearse.platform.inbox;

import dev.rehearse.contracts.AboutCandidate;
import dev.rehearse.contracts.Event;
import dev.rehearse.platform.personal.ErasedAccounts;
import dev.rehearse.platform.trace.Traces;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The idempotent consumer, written once: parses and validates a record, then applies its effect and
 * records the event id in one transaction, so a redelivery changes nothing. A record that can never
 * be processed goes to the dead-letter topic and the consumer moves on. An event about an erased
 * candidate is dropped ({@link ErasedAccounts}). The handling continues the trace named in the
 * record's {@code traceparent} header, so its logs carry the trace id of the request that caused
 * the event.
 */
@Singleton
public class EventInbox {
  private final EventReader reader;
  private final ProcessedEventRepository processed;
  private final TransactionOperations<Connection> tx;
  private final DeadLetters deadLetters;
  private final ErasedAccounts erased;
  private final Traces traces;

  public EventInbox(
      EventReader reader,
      ProcessedEventRepository processed,
      TransactionOperations<Connection> tx,
      DeadLetters deadLetters,
      ErasedAccounts erased,
      Traces traces) {
    this.reader = reader;
    this.processed = processed;
    this.tx = tx;
    this.deadLetters = deadLetters;
    this.erased = erased;
    this.traces = traces;
  }

  /**
   * Handles one record; returns true when its effect was applied now (false: duplicate or
   * dead-lettered).
   */
  public <T extends Event> boolean accept(
      String consumer, ConsumerRecord<String, String> record, Class<T> type, Consumer<T> effect) {
    return accept(
        consumer,
        record,
        type,
        effect,
        key -> deadLetters.send(record, consumer, "unexpected tombstone"));
  }

  /**
   * As {@link #accept(String, ConsumerRecord, Class, Consumer)}, with a handler for tombstones
   * (null values).
   */
  public <T extends Event> boolean accept(
      String consumer,
      ConsumerRecord<String, String> record,
      Class<T> type,
      Consumer<T> effect,
      Consumer<String> onTombstone) {
    try (var span = traces.continueRecord(record)) {
      return handle(consumer, record, type, effect, onTombstone);
    }
  }

  private <T extends Event> boolean handle(
      String consumer,
      ConsumerRecord<String, String> record,
      Class<T> type,
      Consumer<T> effect,
      Consumer<String> onTombstone) {
    if (record.value() == null) {
      tx.executeWrite(
          status -> {
            onTombstone.accept(record.key());
            return null;
          });
      return true;
    }
    T event = reader.read(consumer, record, type).orElse(null);
    if (event == null) {
      return false;
    }
    try {
      return tx.executeWrite(
          status -> {
            if (processed.markProcessed(event.eventId(), consumer) == 0
                || event instanceof AboutCandidate about && erased.isErased(about.candidateId())) {
              return false;
            }
            effect.accept(event);
            return true;
          });
    } catch (RejectedEventException e) {
      deadLetters.send(record, consumer, e.getMessage());
      return false;
    }
  }
}
